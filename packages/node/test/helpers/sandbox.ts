// The sandbox over real HTTP for the node tests: a non-retrying client, finished runs, request filtering.
import { type CambClient, createCambClient, createTask, getTaskStatus, unwrap } from "@camb-kit/client";
import { type RecordedRequest, type StartSandboxOptions, startSandbox } from "@camb-kit/sandbox";
import { afterEach } from "vitest";

export const KEY = "sk-test-node-0123456789";

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

export interface TestSandbox {
  url: string;
  requests: RecordedRequest[];
  client: CambClient;
  key: string;
}

/** startSandbox on 127.0.0.1 (real HTTP), closed after the test, with a client that does not retry. */
export async function sandbox(options: StartSandboxOptions = {}): Promise<TestSandbox> {
  const started = await startSandbox({ pendingPolls: 0, apiKeys: [KEY], ...options, port: 0 });
  running.push(started);
  const client = createCambClient({ apiKey: KEY, baseUrl: started.url, retry: false });
  return { url: started.url, requests: started.requests, client, key: KEY };
}

const BODIES = {
  tts: (i: number) => ({ text: `Run number ${i}.`, voice_id: 147320, language: 1 }),
  "text-to-sound": (i: number) => ({ prompt: `rain, take ${i}`, duration: 1 }),
  "text-to-voice": (i: number) => ({
    text: `Voice ${i}`,
    voice_description: `A calm, warm narrator voice for tests, number ${i}, speaking slowly and clearly, like a late-night radio host telling a long story.`,
  }),
} as const;

/** Creates `count` tasks of `family` and waits for each; returns their run ids. */
export async function finishedRuns(client: CambClient, family: keyof typeof BODIES, count: number) {
  const runIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const { task_id } = unwrap(await createTask(client, family, BODIES[family](i) as never));
    for (let poll = 0; ; poll++) {
      const status = unwrap(await getTaskStatus(client, family, task_id!));
      if (status.status === "SUCCESS" && typeof status.run_id === "number") {
        runIds.push(status.run_id);
        break;
      }
      if (status.status !== "PENDING" || poll > 10) throw new Error(`task ended ${status.status}`);
    }
  }
  return runIds;
}

/** Requests whose path (without query) is exactly `path`, or starts with it when it ends in "/". */
export function requestsTo(requests: readonly RecordedRequest[], path: string): RecordedRequest[] {
  return requests.filter((r) => (path.endsWith("/") ? r.path.startsWith(path) : r.path === path));
}
