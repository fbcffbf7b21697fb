// Runs a task family from create to its finished run through the spec's operations (each JSON 200 checked
// against its schema), and makes the sandbox's own short speech to feed the families that take media.
import { families, type OperationId, operationSchemas, type TaskFamily } from "@camb-kit/client/spec";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterEach, expect } from "vitest";
import type { Harness, Started } from "./harness.js";
import { KEY } from "./harness.js";
import { callOperation, type OperationCall } from "./operation-call.js";

export interface FinishedRun {
  taskId: string;
  runId: number;
  /** Every status the polls saw, in order (`["PENDING", "SUCCESS"]` with `pendingPolls: 1`). */
  statuses: string[];
}

/** Call inside a `describe`: a fresh sandbox per test (stopped after it), one poll PENDING by default. */
export function sandboxPerTest(harness: Harness, options = { pendingPolls: 1 }): () => Promise<string> {
  let started: Started | undefined;
  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });
  return async () => {
    started = await harness.start(options);
    return started.base;
  };
}

/** Polls a task of `family` by its status operation until it leaves PENDING; fails unless it succeeded. */
export async function finishTask(base: string, family: TaskFamily, taskId: string): Promise<FinishedRun> {
  const { operations: ids, statusParam } = families[family];
  const statuses: string[] = [];
  for (let poll = 0; poll < 10; poll++) {
    const answer = await callOperation<{ status: string; run_id: number | null }>(base, ids.status, {
      path: { [statusParam]: taskId },
    });
    expect(answer.status, ids.status).toBe(200);
    statuses.push(answer.body.status);
    if (answer.body.status === "PENDING") continue;
    expect(answer.body, `${family} task ${taskId}`).toMatchObject({ status: "SUCCESS" });
    return { taskId, runId: answer.body.run_id as number, statuses };
  }
  throw new Error(`${family} task ${taskId} stayed PENDING`);
}

/** Creates a task of `family` with its create operation, then finishes it (see finishTask). */
export async function runFamily(base: string, family: TaskFamily, call: OperationCall): Promise<FinishedRun> {
  const create = families[family].operations.create;
  const created = await callOperation<{ task_id: string }>(base, create, call);
  expect(created.status, create).toBe(200);
  return finishTask(base, family, created.body.task_id);
}

/** The sandbox's own speech of `text` as a stored file's URL (a tts run's `file_url`): it carries its words. */
export async function speechUrl(base: string, text: string): Promise<string> {
  const tts = await runFamily(base, "tts", { body: { text, voice_id: 147320, language: 1 } });
  const file = await callOperation<{ output_url: string }>(base, "getSpeechResult", {
    path: { run_id: tts.runId },
    query: { output_type: "file_url" },
  });
  return file.body.output_url;
}

/** `/tts-stream` speech of `text` in `format`, as a Blob of the type the sandbox answered with. */
export async function streamedSpeech(base: string, text: string, format: string): Promise<Blob> {
  const response = await fetch(`${base}/tts-stream`, {
    method: "POST",
    headers: { "x-api-key": KEY, "content-type": "application/json" },
    body: JSON.stringify({ text, voice_id: 147320, language: "en-us", output_configuration: { format } }),
  });
  expect(response.status).toBe(200);
  return new Blob([await response.arrayBuffer()], { type: response.headers.get("content-type") ?? "" });
}

/** A multipart body of text fields and one file part. */
export function form(fields: Record<string, string>, file?: { name: string; blob: Blob; filename: string }) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append(file.name, file.blob, file.filename);
  return body;
}

// The same settings operation-call.ts validates 200s with, for the answers it does not check (4XX).
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
ajv.addFormat("binary", true);

/** Fails the test unless `body` is valid against the schema the operation declares for `status`. */
export function expectDeclaredAnswer(operationId: OperationId, status: number, body: unknown): void {
  const schema = operationSchemas[operationId].responses[String(status)]?.["application/json"];
  if (!schema) throw new Error(`${operationId} declares no ${status} JSON answer`);
  const validate = ajv.compile(schema);
  expect(validate(body) ? [] : validate.errors, `${operationId} ${status} against its schema`).toEqual([]);
}
