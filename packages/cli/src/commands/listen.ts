// `camb listen <file>`: live transcription of a WAV or raw PCM file over the WebSocket session, played in at
// the pace of real time (as a microphone would deliver it) or, with --fast, as fast as the session takes it.
import { channels } from "@camb-kit/client/spec";
import { openLiveTranscription, type PipeAudioResult } from "@camb-kit/realtime";
import { Command } from "commander";
import { openAudioFile } from "../audio-file-input.js";
import { parseId, type Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { transcriptPrinter } from "../live-transcript.js";
import { feedSession } from "../session-feed.js";

/** The query defaults the server applies (the spec's live transcription query schema). */
const DEFAULTS = channels.liveTranscription.query.defaults;

export interface ListenOptions {
  language: string;
  model?: string;
  /** The layout of a raw PCM file (a WAV file says its own). */
  sampleRate: string;
  channels: string;
  fast?: boolean;
}

/** `camb listen talk.wav`: prints the transcript as the session hears the file. */
export async function listen(context: Context, path: string, options: ListenOptions): Promise<void> {
  const file = await openAudioFile(path, {
    sampleRate: parseId(options.sampleRate, "--sample-rate"),
    channels: parseId(options.channels, "--channels"),
    encoding: "s16le",
  });
  const session = openLiveTranscription(
    context.client,
    { language: options.language, ...(options.model ? { model: options.model } : {}) },
    { signal: context.signal },
  );
  const printer = transcriptPrinter(context.json);
  const pace = options.fast ? "fast" : "realtime";
  let started: number | undefined;
  let sent: PipeAudioResult | undefined;
  const feed = feedSession(session, async () => {
    await session.ready;
    started = performance.now();
    context.reporter.step(
      `listening to ${path} ${options.fast ? "as fast as the session takes it" : "at real-time pace"}`,
    );
    sent = await session.pipeAudio(file.open(), { format: file.format, pace, signal: context.signal });
    await session.finish();
  });
  const elapsed = () => performance.now() - (started ?? performance.now());
  try {
    for await (const event of session) printer.show(event, elapsed());
    await feed.settled;
    feed.check();
  } finally {
    printer.end();
    await session.close();
    await feed.settled;
  }
  context.reporter.step(
    `${(sent?.seconds ?? 0).toFixed(1)} s of audio heard in ${(elapsed() / 1000).toFixed(1)} s: ${printer.finals.length} final result(s)`,
  );
}

/** The `listen` command. */
export function listenCommand(run: Run): Command {
  return new Command("listen")
    .description(
      "live transcription over a WebSocket: a file played in at real-time pace, transcript lines out",
    )
    .argument("<file>", "a WAV file, or raw 16-bit PCM (see --sample-rate and --channels)")
    .option("--language <tag>", "BCP-47 language of the speech", DEFAULTS.language)
    .option("--model <name>", `transcription model (the server's default: ${DEFAULTS.model})`)
    .option("--sample-rate <hz>", "sample rate of a raw PCM file", String(DEFAULTS.sample_rate))
    .option("--channels <n>", "channels of a raw PCM file", String(DEFAULTS.channels))
    .option("--fast", "send the audio as fast as the session takes it instead of at real-time pace")
    .action((path: string, options: ListenOptions, command: Command) =>
      run(command, (context) => listen(context, path, options)),
    );
}
