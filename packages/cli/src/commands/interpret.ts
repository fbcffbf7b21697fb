// `camb interpret <file> --from --to`: realtime speech-to-speech translation of a WAV or raw PCM file. The
// translated text is printed as each response is finished; the translated speech goes to a WAV file (or raw
// PCM, or stdout) as it arrives.
import { channels, enums, extensionOf, formatMediaTypes } from "@camb-kit/client/spec";
import { openRealtimeTranslation, type RealtimeTranslationSession } from "@camb-kit/realtime";
import { Command, Option } from "commander";
import { openAudioFile } from "../audio-file-input.js";
import { sinkAudio } from "../audio-sink.js";
import { parseId, type Run } from "../command-kit.js";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { describeFile, printResult } from "../output.js";
import { outputTarget } from "../output-target.js";
import { closeWhenQuiet, type QuietClose } from "../quiet-close.js";
import { type Feed, feedSession } from "../session-feed.js";
import { fillWavSizes, withWavHeader } from "../wav-container.js";
import { parseVoiceId } from "./tts.js";

/** The realtime translation models of the spec. */
export const TRANSLATION_MODELS: readonly string[] = enums.RealtimeTranslationModel;
type TranslationModel = (typeof enums.RealtimeTranslationModel)[number];

const { audioIn, audioOut } = channels.realtimeTranslation;
/** The two ways the speech is written: a WAV file, or its bare samples. */
const WAV_EXTENSION = extensionOf(formatMediaTypes.wav) ?? "wav";
const RAW_EXTENSION = extensionOf(formatMediaTypes.pcm_s16le) ?? "pcm";

export interface InterpretOptions {
  from: string;
  to: string;
  model?: TranslationModel;
  voice?: string;
  output?: string;
  /** The layout of a raw PCM input file (a WAV file says its own). */
  sampleRate: string;
  channels: string;
  fast?: boolean;
  /** Seconds of silence from the server, once the file is sent, after which the session ends. */
  idle: string;
}

/** What the session said, for the summary. */
interface Interpretation {
  texts: string[];
  heard: string[];
}

/**
 * The translated speech as it arrives, with each finished text printed on `text` (a JSON line with --json)
 * and each stretch of input speech the server heard reported on stderr.
 */
async function* translatedSpeech(
  context: Context,
  session: RealtimeTranslationSession,
  said: Interpretation,
  quiet: QuietClose,
  feed: () => Feed,
  text: NodeJS.WritableStream,
): AsyncGenerator<Uint8Array> {
  for await (const event of session) {
    quiet.heard();
    if (event.type === "audio") yield event.data;
    else if (event.type === "response.text.done") {
      said.texts.push(event.text);
      text.write(context.json ? `${JSON.stringify(event)}\n` : `${event.text}\n`);
    } else if (event.type === "conversation.item.input_audio_transcription.completed") {
      said.heard.push(event.transcript);
      context.reporter.step(`heard: ${event.transcript}`);
    }
  }
  // Closing the session for a failed send ends the events quietly: the file must not be committed then.
  feed().check();
}

function idleSeconds(value: string): number {
  const seconds = Number(value);
  if (!(seconds > 0 && seconds <= 600))
    throw new InputError(`--idle must be seconds in (0, 600], got "${value}"`);
  return seconds;
}

/** `camb interpret talk.wav --from en-us --to de-de -o talk.de.wav`. */
export async function interpret(context: Context, path: string, options: InterpretOptions): Promise<void> {
  const idle = idleSeconds(options.idle);
  const voice = options.voice
    ? { type: "cloned" as const, voice_id: parseVoiceId(options.voice) }
    : undefined;
  const file = await openAudioFile(path, {
    sampleRate: parseId(options.sampleRate, "--sample-rate"),
    channels: parseId(options.channels, "--channels"),
    encoding: "s16le",
  });
  const target = await outputTarget(options.output, `interpretation.${WAV_EXTENSION}`, context.json);
  const raw = target.kind === "file" && target.path.toLowerCase().endsWith(`.${RAW_EXTENSION}`);
  const session = openRealtimeTranslation(
    context.client,
    {
      source_language: options.from,
      target_language: options.to,
      ...(options.model ? { model: options.model } : {}),
      ...(voice ? { voice } : {}),
    },
    { signal: context.signal },
  );
  // No end message on this channel: closing once the answers have stopped is how a client says it is done.
  const quiet = closeWhenQuiet(() => session.close(), idle * 1000);
  const feed = feedSession(session, async () => {
    await session.ready;
    context.reporter.step(`interpreting ${path} from ${options.from} to ${options.to}`);
    const pace = options.fast ? "fast" : "realtime";
    await session.pipeAudio(file.open(), { format: file.format, pace, signal: context.signal });
    quiet.sendingDone();
  });
  const said: Interpretation = { texts: [], heard: [] };
  const layout = { sampleRate: audioOut.sampleRate, channels: audioOut.channels, bitsPerSample: 16 };
  // With the speech on stdout (-o -), the text goes to stderr so that the audio stays playable.
  const text = target.kind === "stdout" ? process.stderr : process.stdout;
  const speech = translatedSpeech(context, session, said, quiet, () => feed, text);
  try {
    const sunk = await sinkAudio(context, raw ? speech : withWavHeader(speech, layout), target);
    await feed.settled;
    feed.check();
    if (sunk.path === undefined) {
      context.reporter.step(`wrote ${sunk.bytes} bytes of translated speech to stdout`);
      return;
    }
    if (!raw) await fillWavSizes(sunk.path, sunk.bytes);
    const described = raw ? undefined : await describeFile(sunk.path);
    const summary = {
      path: sunk.path,
      bytes: sunk.bytes,
      text: said.texts.join(" "),
      heard: said.heard.join(" "),
    };
    if (context.json) process.stdout.write(`${JSON.stringify({ ...summary, audio: described?.info })}\n`);
    else printResult(context, summary, [described?.line ?? `${sunk.path}  ${sunk.bytes} bytes of PCM`]);
  } finally {
    quiet.cancel();
    await session.close();
    await feed.settled;
  }
}

/** The `interpret` command. */
export function interpretCommand(run: Run): Command {
  return new Command("interpret")
    .description("realtime speech-to-speech translation of a file: translated text printed, speech to a file")
    .argument("<file>", "a WAV file, or raw 16-bit PCM (see --sample-rate and --channels)")
    .requiredOption("--from <tag>", "BCP-47 language spoken in the file, e.g. en-us")
    .requiredOption("--to <tag>", "BCP-47 language to translate into, e.g. de-de")
    .addOption(new Option("--model <name>", "translation model").choices(TRANSLATION_MODELS))
    .option("--voice <id>", "one of your cloned voices to speak the translation with")
    .option(
      "-o, --output <file>",
      `translated speech: a .${WAV_EXTENSION} file (default interpretation.${WAV_EXTENSION}), .${RAW_EXTENSION} for bare samples, or - for stdout`,
    )
    .option("--sample-rate <hz>", "sample rate of a raw PCM file", String(audioIn.sampleRate))
    .option("--channels <n>", "channels of a raw PCM file", String(audioIn.channels))
    .option("--fast", "send the audio as fast as the session takes it instead of at real-time pace")
    .option("--idle <seconds>", "once the file is sent, end after the server has been silent this long", "3")
    .action((path: string, options: InterpretOptions, command: Command) =>
      run(command, (context) => interpret(context, path, options)),
    );
}
