// Finished runs of any family, made from the spec's own example requests (operationSchemas) against the
// sandbox: file parts become real files another family makes, parent runs are made first. No family named.
import { type CambClient, families, getResultStream, type TaskFamily, unwrap } from "@camb-kit/client";
import { mediaTypes, operationSchemas, type Schema } from "@camb-kit/client/spec";

type Loose = {
  POST(path: string, init: object): Promise<never>;
  GET(path: string, init: object): Promise<never>;
};
const loose = (client: CambClient) => client as unknown as Loose;

/** Every family name, from the table. */
export const familyNames = Object.keys(families) as TaskFamily[];

/** The media type the spec gives a file name's extension (`speech.wav` -> audio/wav). */
function mediaTypeOfName(name: string): string {
  const extension = name.slice(name.lastIndexOf(".") + 1);
  const found = Object.entries(mediaTypes).find(([, entry]) => entry.extension === extension);
  if (!found) throw new Error(`no media type in the spec has the extension of ${name}`);
  return found[0];
}

/** Real bytes of `type`: text for a text type, else the result of a family whose result is a file of it. */
async function realFile(client: CambClient, name: string): Promise<File> {
  const type = mediaTypeOfName(name);
  if (type.startsWith("text/"))
    return new File(["Once upon a time, a small fox found a lantern.\n"], name, { type });
  const producer = familyNames.find((family) => {
    const entry = families[family];
    return entry.resultIsAudio && entry.resultMediaType === type && entry.createParams.length === 0;
  });
  if (!producer) throw new Error(`no family makes ${type} files`);
  const runId = await finishedRun(client, producer);
  const stream = unwrap(await getResultStream(client, producer as never, runId));
  return new File([await new Response(stream).blob()], name, { type });
}

/** Polls a task until it has a run (the sandbox finishes tasks at once with `pendingPolls: 0`). */
async function runOfTask(client: CambClient, family: TaskFamily, taskId: string): Promise<number> {
  const { status, statusParam, statusKind } = families[family];
  for (let poll = 0; poll < 20; poll++) {
    const answer = unwrap(
      await loose(client).GET(status!, { params: { path: { [statusParam]: taskId } } }),
    ) as { status?: string; run_id?: number } | { run_id: number }[];
    if (statusKind === "runs" && Array.isArray(answer) && answer[0]) return answer[0].run_id;
    if (!Array.isArray(answer) && answer.status === "SUCCESS" && typeof answer.run_id === "number")
      return answer.run_id;
    if (!Array.isArray(answer) && answer.status !== undefined && answer.status !== "PENDING")
      throw new Error(`task ended ${answer.status}`);
  }
  throw new Error("the task did not finish");
}

/** Creates a run of `family` from the spec's example request and waits for it; resolves with its run id. */
export async function finishedRun(client: CambClient, family: TaskFamily): Promise<number> {
  const entry = families[family];
  const operation = operationSchemas[entry.operations.create];
  const body: Record<string, unknown> = { ...(operation.body?.example as Record<string, unknown>) };
  const properties = (operation.body?.schema.properties ?? {}) as Record<string, Schema>;
  for (const [field, property] of Object.entries(properties)) {
    if (property.format === "binary" && typeof body[field] === "string")
      body[field] = await realFile(client, body[field] as string);
  }
  const path: Record<string, unknown> = {};
  for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
    path[parameter.name] = parameter.example ?? (await finishedRun(client, entry.parent!));
  }
  const answer = unwrap(await loose(client).POST(entry.create!, { body, params: { path } })) as {
    task_id?: string | null;
    run_id?: number;
  };
  if (typeof answer.task_id === "string") return runOfTask(client, family, answer.task_id);
  if (typeof answer.run_id === "number") return answer.run_id;
  throw new Error(`${family}: the create call answered neither a task nor a run`);
}

/** The spec's example values of a family's extra result path parameters (`resultParams`). */
export function exampleResultPath(family: TaskFamily): Record<string, unknown> | undefined {
  const entry = families[family];
  if (entry.resultParams.length === 0 || !entry.operations.result) return undefined;
  const names = entry.resultParams as readonly string[];
  const parameters = operationSchemas[entry.operations.result].parameters.filter((p) =>
    names.includes(p.name),
  );
  return Object.fromEntries(parameters.map((p) => [p.name, p.example]));
}
