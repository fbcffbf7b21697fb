// `camb folders list|create`: the folders tasks can be filed in (`folder_id` on a create call).
import { operations, unwrap } from "@camb-kit/client";
import { Command } from "commander";
import { parseId, type Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { printResult } from "../output.js";

async function list(context: Context, options: { search?: string; limit?: string }) {
  const query = {
    ...(options.search ? { search_query: options.search } : {}),
    ...(options.limit ? { limit: parseId(options.limit, "--limit") } : {}),
  };
  const folders = unwrap(
    await context.client.GET(operations.listFolders.path, { params: { query }, signal: context.signal }),
  );
  printResult(
    context,
    folders,
    folders.map((folder) => `${folder.name}  (team ${folder.team_id})`),
  );
}

async function create(context: Context, name: string) {
  const answer = unwrap(
    await context.client.POST(operations.createFolder.path, {
      body: { folder_name: name },
      signal: context.signal,
    }),
  );
  printResult(context, answer, [`created folder "${name}": ${JSON.stringify(answer)}`]);
}

export function foldersCommand(run: Run): Command {
  const command = new Command("folders").description("list and create folders");
  command
    .command("list")
    .description("list your folders")
    .option("--search <text>", "only folders whose name contains it")
    .option("--limit <n>", "at most this many")
    .action((options, sub: Command) => run(sub, (context) => list(context, options)));
  command
    .command("create <name>")
    .description("create a folder")
    .action((name: string, _, sub: Command) => run(sub, (context) => create(context, name)));
  return command;
}
