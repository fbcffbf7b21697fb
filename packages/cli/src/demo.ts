#!/usr/bin/env node
// `pnpm demo`: an end-to-end tour of camb-kit against the embedded sandbox. It streams speech to a file,
// generates a sound, designs a voice, runs the deprecated async TTS path, downloads bulk results, then hears
// its own speech back (transcription), translates, dubs, separates and exports subtitles (demo-media.ts), then
// speaks a sentence live and hears it back through live transcription (demo-realtime.ts). It
// checks every file it wrote (audio decoded, video parsed, transcripts and subtitles parsed) and prints what
// each one is; it exits 0 only if every file exists and passes its check.
import { mkdir, rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { type CambClient, createCambClient, getResultJson, operations, unwrap } from "@camb-kit/client";
import { extensionOf } from "@camb-kit/client/spec";
import { downloadResults, saveAudio, saveResult, saveSpeech } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import { startSandbox } from "@camb-kit/sandbox";
import pc from "picocolors";
import { mediaTour } from "./demo-media.js";
import { realtimeTour } from "./demo-realtime.js";
import { describeInfo, inspectFile } from "./inspect-file.js";

const outDir = resolve(process.argv[2] ?? "camb-demo-output");
const poll = { intervalMs: 100, maxIntervalMs: 500 };
const step = (message: string) => process.stdout.write(`${pc.cyan("›")} ${message}\n`);

async function tour(camb: CambClient): Promise<string[]> {
  const files: string[] = [];
  const voiceId = unwrap(await camb.GET(operations.listVoices.path))[0]?.id ?? 1;

  step("streaming speech from /tts-stream straight to a file");
  const speech = await saveSpeech(
    camb,
    {
      text: "Hello from camb-kit. This audio was streamed to disk as it was generated.",
      language: "en-us",
      voice_id: voiceId,
      output_configuration: { format: "mp3" },
    },
    join(outDir, "speech.mp3"),
  );
  files.push(speech.path);

  step("generating a sound effect (create -> wait -> save)");
  const sound = await createAndWait(
    camb,
    "text-to-sound",
    { prompt: "rain on a tin roof", duration: 3 },
    poll,
  );
  files.push((await saveResult(camb, "text-to-sound", sound.runId, join(outDir, "rain.wav"))).path);

  step("designing a voice from a description and saving its previews");
  const description =
    "A warm, calm narrator in her forties with a slight rasp, speaking slowly and clearly, like a late-night radio host telling a story.";
  const design = await createAndWait(
    camb,
    "text-to-voice",
    { text: "Good evening, and welcome.", voice_description: description },
    poll,
  );
  const { previews } = unwrap(await getResultJson(camb, "text-to-voice", design.runId));
  for (const [index, url] of previews.entries()) {
    // Pre-signed URL: a plain fetch, no API key. The extension follows what the storage serves.
    const response = await fetch(url);
    const name = `voice-preview-${index + 1}.${extensionOf(response.headers.get("content-type")) ?? "bin"}`;
    const preview = await saveAudio(response, join(outDir, name));
    files.push(preview.path);
  }

  step("running the deprecated async TTS path: POST /tts, wait, GET /tts-result");
  const task = await createAndWait(
    camb,
    "tts",
    { text: "The asynchronous way still works.", voice_id: voiceId, language: 1 },
    poll,
  );
  files.push((await saveResult(camb, "tts", task.runId, join(outDir, "task-speech.flac"))).path);

  step("downloading six results in bulk (chunked to the /tts-results limit of 5 run ids)");
  const runs = await Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      createAndWait(camb, "tts", { text: `Bulk line number ${n}.`, voice_id: voiceId, language: 1 }, poll),
    ),
  );
  const outcomes = await downloadResults(
    camb,
    "tts",
    [task.runId, ...runs.map((run) => run.runId)],
    join(outDir, "bulk"),
  );
  for (const outcome of outcomes) {
    if ("error" in outcome)
      throw new Error(`bulk download of run ${outcome.runId} failed: ${String(outcome.error)}`);
    files.push(outcome.path);
  }

  files.push(...(await mediaTour(camb, outDir, voiceId, step)));
  files.push(...(await realtimeTour(camb, outDir, voiceId, step)));
  return files;
}

async function main(): Promise<number> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const sandbox = await startSandbox({ port: 0 });
  process.stdout.write(`${pc.bold("camb-kit demo")} against the embedded sandbox at ${sandbox.url}\n\n`);
  try {
    const files = await tour(
      createCambClient({ apiKey: "demo", baseUrl: sandbox.url, realtimeBaseUrl: sandbox.realtimeUrl }),
    );
    process.stdout.write(
      `\n${pc.bold(`${files.length} files in ${relative(process.cwd(), outDir) || "."}`)}\n`,
    );
    let failures = 0;
    for (const file of files) {
      const name = relative(process.cwd(), file);
      try {
        const checked = await inspectFile(file);
        // The demo vouches for every file: one it has no check for is a failure, not a pass.
        if (checked.kind === "file")
          throw new Error(`no check for this kind of file (${checked.info.bytes} bytes)`);
        process.stdout.write(`  ${pc.green("✓")} ${name.padEnd(44)} ${describeInfo(checked)}\n`);
      } catch (error) {
        failures++;
        process.stdout.write(
          `  ${pc.red("✗")} ${name.padEnd(44)} ${error instanceof Error ? error.message : error}\n`,
        );
      }
    }
    process.stdout.write(
      failures === 0
        ? `\n${pc.green("every file exists and decodes")}\n`
        : `\n${pc.red(`${failures} file(s) failed their check`)}\n`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    await sandbox.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
