// What the batch reliability tests share: a mixed jobs file, the built `camb` run as a child process with its
// JSON events read line by line, the request log of a sandbox in another process, and an audit of the outputs.
import { type ChildProcess, spawn } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { inspectAudio } from "@camb-kit/cli";
import { families, operations } from "@camb-kit/client/spec";

export { seededRandom } from "@camb-kit/sandbox";

/** The built `camb` binary, as a user runs it (turbo builds the CLI before this package's tests). */
export const CAMB_BIN = createRequire(import.meta.url)
  .resolve("@camb-kit/cli/package.json")
  .replace(/package\.json$/, "dist/bin.js");

/** The create operations of the families a job of these tests runs, with a body per job number. */
const TASK_JOBS = [
  {
    family: "tts",
    folder: false,
    body: (i: number) => ({ text: `Batch line ${i}.`, voice_id: 147320, language: 1 }),
    output: (i: number) => `speech/line-${i}.flac`,
  },
  {
    family: "text-to-sound",
    folder: false,
    body: (i: number) => ({ prompt: `rain, take ${i}`, duration: 1 }),
    output: (i: number) => `sound/rain-${i}.wav`,
  },
  {
    family: "text-to-voice",
    folder: true,
    body: (i: number) => ({
      text: `Voice ${i}`,
      voice_description: `Job ${i}: a calm, warm narrator voice, speaking slowly and clearly, like a late-night radio host telling a story.`,
    }),
    output: (i: number) => `voices/voice-${i}`,
  },
] as const;

export const STREAM_OPERATION = "streamSpeech" as const;
const createOf = (family: string) => families[family as keyof typeof families].operations.create;

export interface JobsFile {
  text: string;
  taskJobs: number;
  streamJobs: number;
  /** The ids of the jobs made to fail. */
  failing: string[];
  /** Each job's output, by id. */
  outputs: Map<string, string>;
}

/** What the sandbox does with a create body carrying it: the task ends in ERROR (see its README). */
export const FAILING_MARKER = "[sandbox:error]";

/**
 * `count` jobs, one in `streamEvery` a streamSpeech, the others the task families in turn; with `failEvery`,
 * one task job in that many carries the sandbox's failure marker, so it must end failed with its reason.
 */
export function mixedJobs(count: number, streamEvery: number, failEvery = 0): JobsFile {
  const lines: string[] = [];
  const failing: string[] = [];
  let streamJobs = 0;
  for (let i = 1; i <= count; i++) {
    if (i % streamEvery === 0) {
      streamJobs++;
      lines.push(
        JSON.stringify({
          id: `stream-${i}`,
          operation: STREAM_OPERATION,
          body: {
            text: `Streamed line number ${i}.`,
            language: "en-us",
            voice_id: 147320,
            output_configuration: { format: "wav" },
          },
          output: `stream/line-${i}.wav`,
        }),
      );
      continue;
    }
    const job = TASK_JOBS[i % TASK_JOBS.length]!;
    const body: Record<string, unknown> = job.body(i);
    if (failEvery > 0 && i % failEvery === 0) {
      const [field, text] = Object.entries(body).find(([, value]) => typeof value === "string")!;
      body[field] = `${FAILING_MARKER} ${text}`;
      failing.push(`${job.family}-${i}`);
    }
    lines.push(
      JSON.stringify({
        id: `${job.family}-${i}`,
        operation: createOf(job.family),
        body,
        output: job.output(i),
      }),
    );
  }
  const outputs = new Map(
    lines
      .map((line) => JSON.parse(line) as { id: string; output: string })
      .map((job) => [job.id, job.output]),
  );
  return { text: `${lines.join("\n")}\n`, taskJobs: count - streamJobs, streamJobs, failing, outputs };
}

/** Every operationId that creates a task of some family (what a duplicate create would cost). */
export const CREATE_OPERATIONS: ReadonlySet<string> = new Set(
  Object.entries(operations)
    .filter(([, operation]) => operation.tasks.some((task) => task.role === "create"))
    .map(([id]) => id),
);

/** How many requests of these operations a sandbox at `url` has seen (its log at GET /_sandbox/requests). */
export async function countRequests(url: string, operationIds: Iterable<string>): Promise<number> {
  const query = [...operationIds].map((id) => `operation=${encodeURIComponent(id)}`).join("&");
  const response = await fetch(`${url}/_sandbox/requests?${query}`);
  if (!response.ok) throw new Error(`request log: HTTP ${response.status}`);
  return ((await response.json()) as unknown[]).length;
}

export interface BatchEventLine {
  type: string;
  [field: string]: unknown;
}

export interface BatchRun {
  child: ChildProcess;
  /** Calls `listener` with each JSON event as its line arrives on stdout. */
  onEvent(listener: (event: BatchEventLine) => void): void;
  finished: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    events: BatchEventLine[];
    stderr: string;
  }>;
}

/** Starts `camb batch <jobs> -o <out> --json …` against `url`, reading its events as they come. */
export function startBatch(args: string[], env: Record<string, string>): BatchRun {
  const child = spawn(process.execPath, [CAMB_BIN, "batch", ...args, "--json"], {
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events: BatchEventLine[] = [];
  const listeners: ((event: BatchEventLine) => void)[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    const event = JSON.parse(line) as BatchEventLine;
    events.push(event);
    for (const listener of listeners) listener(event);
  });
  const closed = new Promise<void>((resolve) => lines.once("close", resolve));
  const finished = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  ).then(async (exit) => {
    await closed;
    return { ...exit, events, stderr };
  });
  return { child, onEvent: (listener) => listeners.push(listener), finished };
}

/** Every file under `dir`, relative to it, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

export interface FileAudit {
  /** Audio files that decoded, with what they decode to. */
  audio: Map<string, { format: string; durationSeconds: number; sampleRate: number; channels: number }>;
  /** Files that are not whole: an audio file that does not decode, JSON that does not parse, an empty file. */
  broken: string[];
}

/**
 * Decodes every audio file under `dir` to its end and parses every JSON file (the journal and temp `.part`
 * files left out: a test counts those on their own).
 */
export async function auditOutputs(dir: string, journal: string): Promise<FileAudit> {
  const audio: FileAudit["audio"] = new Map();
  const broken: string[] = [];
  for (const file of await filesUnder(dir)) {
    if (file === journal || file.endsWith(".part")) continue;
    const path = join(dir, file);
    if ((await stat(path)).size === 0) {
      broken.push(`${file}: empty`);
    } else if (/\.(wav|flac|mp3)$/.test(file)) {
      try {
        const { format, durationSeconds, sampleRate, channels } = await inspectAudio(path);
        audio.set(file, { format, durationSeconds, sampleRate, channels });
      } catch (error) {
        broken.push(`${file}: ${(error as Error).message}`);
      }
    } else if (file.endsWith(".json")) {
      try {
        JSON.parse(await readFile(path, "utf8"));
      } catch {
        broken.push(`${file}: JSON that does not parse`);
      }
    }
  }
  return { audio, broken };
}
