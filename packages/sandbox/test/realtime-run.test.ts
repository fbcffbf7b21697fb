// A live TTS session is a run of the task family its channel names (channels.liveSpeech.runFamily): after the
// session, that family's REST result of the session's run_id answers speech of the text the session spoke.
import { channels, families } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningSandbox, type SandboxOptions, sandboxSpeechWav, startSandbox } from "../src/index.js";
import { readMediaFacts } from "../src/media/read-media-facts.js";
import { form, runFamily } from "./helpers/family-flow.js";
import { KEY } from "./helpers/harness.js";
import { callOperation, operationUrl } from "./helpers/operation-call.js";
import { openChannel } from "./helpers/ws-client.js";

const spec = channels.liveSpeech;
const family = spec.runFamily;
const START = { type: "session.start", voice_id: 147320 };

let sb: RunningSandbox | undefined;
async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  sb = await startSandbox(options);
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

/** Runs one live TTS session to its end: sends the chunks, then the end message; resolves to its run_id. */
async function liveRun(sandbox: RunningSandbox, chunks: readonly string[], start: object = START) {
  const socket = openChannel(sandbox, "liveSpeech", { headers: { "x-api-key": KEY } });
  await socket.opened;
  socket.send(start);
  const ready = await socket.message(spec.ready);
  for (const text of chunks) socket.send({ type: "text.chunk", text });
  socket.send({ type: spec.end });
  expect((await socket.closed).code).toBe(1000);
  expect(socket.invalid).toEqual([]);
  return ready.run_id as number;
}

/** The family's result of a run as the binary answer (the default), with its media type. */
async function resultFile(sandbox: RunningSandbox, runId: number) {
  const url = operationUrl(sandbox.url, families[family].operations.result, { path: { run_id: runId } });
  const response = await fetch(url, { headers: { "x-api-key": KEY } });
  expect(response.status).toBe(200);
  const body = response.body;
  if (!body) throw new Error("no body");
  return { type: response.headers.get("content-type"), facts: await readMediaFacts(body) };
}

describe("a live TTS session's run", () => {
  it("is a run of the channel's family: its result answers the speech of the session's text", async () => {
    const sandbox = await start();
    const runId = await liveRun(sandbox, ["Hello there. How are", " you today? Fine"]);
    const { type, facts } = await resultFile(sandbox, runId);
    expect(type).toBe(families[family].resultMediaType);
    expect(facts.text).toBe("Hello there. How are you today? Fine");
    expect(facts.durationSeconds).toBeGreaterThan(1);
  });

  it("answers the family's file URL form too, pointing at the same speech", async () => {
    const sandbox = await start();
    const runId = await liveRun(sandbox, ["One sentence only."], { ...START, output_format: "wav" });
    const answer = await callOperation<{ output_url: string }>(
      sandbox.url,
      families[family].operations.result,
      { path: { run_id: runId }, query: { output_type: "file_url" } },
    );
    expect(answer.status).toBe(200);
    const file = await fetch(answer.body.output_url);
    const body = file.body;
    if (!body) throw new Error("no body");
    expect((await readMediaFacts(body)).text).toBe("One sentence only.");
  });

  it("shares the REST runs' numbering: a task's run after a session has its own id and its own speech", async () => {
    const sandbox = await start({ pendingPolls: 0 });
    const live = await liveRun(sandbox, ["Spoken live."]);
    const task = await runFamily(sandbox.url, family, {
      body: { text: "Spoken by a task.", voice_id: 147320, language: 1 },
    });
    expect(task.runId).not.toBe(live);
    expect((await resultFile(sandbox, live)).facts.text).toBe("Spoken live.");
    expect((await resultFile(sandbox, task.runId)).facts.text).toBe("Spoken by a task.");
  });

  it("keeps what was spoken before a session failed at a [sandbox:payment] segment", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { headers: { "x-api-key": KEY } });
    await socket.opened;
    socket.send(START);
    const ready = await socket.message(spec.ready);
    socket.send({ type: "text.chunk", text: "This one is paid for. This one is not [sandbox:payment]. " });
    expect((await socket.closed).code).toBe(4402);
    expect((await resultFile(sandbox, ready.run_id as number)).facts.text).toBe("This one is paid for.");
  });
});

describe("the voices a live session may speak with", () => {
  it("are the sandbox's: a cloned voice is accepted, a custom id it never gave out is refused with 4400", async () => {
    const sandbox = await start();
    const never = openChannel(sandbox, "liveSpeech", { headers: { "x-api-key": KEY } });
    await never.opened;
    never.send({ ...START, voice_id: 299_999 });
    const refused = await never.closed;
    expect(refused.code).toBe(4400);
    expect(refused.reason).toContain("voice_id");

    const wav = sandboxSpeechWav("My voice.", { sampleRate: 24_000 });
    const reference = {
      name: "file",
      blob: new Blob([wav.slice()], { type: "audio/wav" }),
      filename: "me.wav",
    };
    const cloned = await callOperation<{ voice_id: number }>(sandbox.url, "createCustomVoice", {
      body: form({ voice_name: "Me", gender: "1" }, reference),
    });
    expect(cloned.status).toBe(200);
    const runId = await liveRun(sandbox, ["In my own voice."], { ...START, voice_id: cloned.body.voice_id });
    expect((await resultFile(sandbox, runId)).facts.text).toBe("In my own voice.");
  });
});
