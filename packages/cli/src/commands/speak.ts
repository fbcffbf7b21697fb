// `camb speak`: live TTS over the WebSocket session. Text goes in as it arrives (arguments, or stdin chunk by
// chunk), audio comes out segment by segment, straight to a file or stdout.
import { enums, extensionOf, formatMediaTypes, limits } from "@camb-kit/client/spec";
import { type LiveSpeechSession, openLiveSpeech } from "@camb-kit/realtime";
import { Command, Option } from "commander";
import { sinkAudio } from "../audio-sink.js";
import type { Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { inspectable } from "../inspect-audio.js";
import { describeFile, printResult } from "../output.js";
import { outputTarget } from "../output-target.js";
import { type SegmentJoiner, segmentJoiner } from "../segment-joiner.js";
import { type Feed, feedSession } from "../session-feed.js";
import { textChunks } from "../text-input.js";
import { defaultVoice, parseVoiceId } from "./tts.js";

/** The containers live TTS speaks in (the session.start `output_format` enum of the spec). */
export const LIVE_SPEECH_FORMATS: readonly string[] = enums.LiveSpeechOutputFormat;
type LiveSpeechFormat = (typeof enums.LiveSpeechOutputFormat)[number];
const startDefaults = limits.LiveSpeechSessionStart;
/** What the server speaks in when the first frame names no format or language. */
export const DEFAULT_LIVE_SPEECH_FORMAT: LiveSpeechFormat = startDefaults.output_format.default;
export const DEFAULT_LIVE_SPEECH_LANGUAGE: string = startDefaults.language.default;

export interface SpeakOptions {
  voice?: string;
  language: string;
  format: string;
  output?: string;
}

/** What the session said about itself, for the summary. */
interface SessionReport {
  runId: number | undefined;
  sessionId: string | undefined;
  segments: number;
  skipped: number;
}

/**
 * Sends every chunk of text as it arrives, then `text.done`. Text that is only whitespace is no request:
 * it fails before `text.done`, so no empty file is written.
 */
async function sendText(session: LiveSpeechSession, text: AsyncIterable<string>): Promise<void> {
  let spoken = false;
  for await (const chunk of text) {
    spoken ||= chunk.trim() !== "";
    await session.sendText(chunk);
  }
  if (!spoken) throw new InputError("no text to speak: stdin was empty");
  await session.finish();
}

/**
 * The session's audio, in order and joined into one stream of the container (segment-joiner.ts), with each
 * segment reported as it starts. It throws when sending failed,
 * even if closing the session for that reason ended the events quietly, so that a file is never committed
 * without all the text spoken.
 */
async function* sessionAudio(
  context: Context,
  session: LiveSpeechSession,
  report: SessionReport,
  joiner: SegmentJoiner,
  feed: () => Feed,
): AsyncGenerator<Uint8Array> {
  for await (const event of session) {
    if (event.type === "audio") yield* joiner.push(event.segment_id, event.data);
    else if (event.type === "session.ready") {
      report.runId = event.run_id;
      report.sessionId = event.session_id;
      context.reporter.step(`live session ${event.session_id} (run ${event.run_id})`);
    } else if (event.type === "segment.start") {
      report.segments++;
      context.reporter.step(`segment ${event.segment_id}: ${event.text}`);
    } else if (event.type === "segment.skipped") {
      report.skipped++;
      context.reporter.step(`segment ${event.segment_id} skipped${event.reason ? `: ${event.reason}` : ""}`);
    }
  }
  feed().check();
}

function liveFormat(value: string): LiveSpeechFormat {
  if (!LIVE_SPEECH_FORMATS.includes(value))
    throw new InputError(`--format must be one of ${LIVE_SPEECH_FORMATS.join(", ")}`);
  return value as LiveSpeechFormat;
}

/** `camb speak "text"` or `… | camb speak`: speaks the text live and streams the audio to a file or stdout. */
export async function speak(context: Context, words: string[], options: SpeakOptions): Promise<void> {
  const format = liveFormat(options.format);
  const mediaType = formatMediaTypes[format];
  const stopReading = new AbortController();
  const text = textChunks(words, AbortSignal.any([context.signal, stopReading.signal]));
  const target = await outputTarget(
    options.output,
    `speech.${extensionOf(mediaType) ?? "bin"}`,
    context.json,
  );
  const voiceId = options.voice ? parseVoiceId(options.voice) : await defaultVoice(context);
  const session = openLiveSpeech(
    context.client,
    { voice_id: voiceId, language: options.language, output_format: format },
    { signal: context.signal },
  );
  const report: SessionReport = { runId: undefined, sessionId: undefined, segments: 0, skipped: 0 };
  const feed = feedSession(session, () => sendText(session, text));
  const joiner = segmentJoiner(mediaType);
  try {
    const audio = sessionAudio(context, session, report, joiner, () => feed);
    const sunk = await sinkAudio(context, audio, target);
    await feed.settled;
    feed.check();
    await joiner.finish(sunk.path, sunk.bytes);
    if (sunk.path === undefined) {
      context.reporter.step(
        `wrote ${sunk.bytes} bytes of ${format} to stdout (${report.segments} segment(s))`,
      );
      return;
    }
    // Containers the inspector decodes are checked and described; AAC is reported by size.
    const described = inspectable(mediaType) ? await describeFile(sunk.path) : undefined;
    printResult(context, { ...sunk, format, ...report, audio: described?.info }, [
      described?.line ?? `${sunk.path}  ${format}, ${sunk.bytes} bytes`,
      `${report.segments} segment(s)${report.skipped ? `, ${report.skipped} skipped` : ""}, run ${report.runId}`,
    ]);
  } finally {
    stopReading.abort();
    await session.close();
    await feed.settled;
  }
}

/** The `speak` command. */
export function speakCommand(run: Run): Command {
  return new Command("speak")
    .description(
      "live TTS over a WebSocket: text in as it arrives (arguments or stdin), audio out per segment",
    )
    .argument("[text...]", "what to say; without it, stdin is read and spoken as it arrives")
    .option("--voice <id>", "voice id (default: the first of `camb voices`)")
    .option("--language <locale>", "lowercase BCP-47 locale", DEFAULT_LIVE_SPEECH_LANGUAGE)
    .addOption(
      new Option("--format <format>", "audio container")
        .choices(LIVE_SPEECH_FORMATS)
        .default(DEFAULT_LIVE_SPEECH_FORMAT),
    )
    .option("-o, --output <file>", "output file, a folder for speech.<extension>, or - for stdout")
    .action((words: string[], options: SpeakOptions, command: Command) =>
      run(command, (context) => speak(context, words, options)),
    );
}
