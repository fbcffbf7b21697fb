// Runs waitForTask to the end on fake time and returns its outcome, requests and send times.
import type { StatusTaskFamily } from "@camb-kit/client";
import { vi } from "vitest";
import { waitForTask } from "../../src/index.js";
import { fixed } from "./scripted-check.js";
import { type Answer, scriptedClient, settle } from "./scripted-fetch.js";

/** Runs waitForTask to the end on fake time: the outcome, the requests and when each was sent. */
export async function runWaitForTask(
  answers: Answer[],
  options: Parameters<typeof waitForTask>[3] = {},
  family: StatusTaskFamily = "tts",
) {
  const scripted = scriptedClient(answers);
  const start = Date.now();
  const result = settle(waitForTask(scripted.client, family, "task-1", { ...fixed, ...options }));
  await vi.runAllTimersAsync();
  const sentAt = scripted.sentAt.map((time) => time - start);
  return { settled: await result, requests: scripted.requests, sentAt };
}
