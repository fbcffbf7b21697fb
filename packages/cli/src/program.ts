// The `camb` program: its commands and options, and how a command's outcome becomes an exit code.
import { defaultBaseUrl, realtimeServer } from "@camb-kit/client/spec";
import { Command, Option } from "commander";
import type { Action } from "./command-kit.js";
import { batchCommand } from "./commands/batch.js";
import { dictionariesCommand } from "./commands/dictionaries.js";
import { dubCommand } from "./commands/dub.js";
import { foldersCommand } from "./commands/folders.js";
import { interpretCommand } from "./commands/interpret.js";
import { listenCommand } from "./commands/listen.js";
import { languages, voices } from "./commands/listings.js";
import { results } from "./commands/results.js";
import { sandboxCommand } from "./commands/sandbox.js";
import { separateCommand } from "./commands/separate.js";
import { DURATION_RANGE, sound } from "./commands/sound.js";
import { speakCommand } from "./commands/speak.js";
import { statusCommand, waitCommand } from "./commands/status.js";
import { storyCommand } from "./commands/story.js";
import { subtitlesCommand } from "./commands/subtitles.js";
import { transcribeCommand } from "./commands/transcribe.js";
import { translateCommand } from "./commands/translate.js";
import { DEFAULT_SPEECH_FORMAT, SPEECH_FORMATS, tts } from "./commands/tts.js";
import { MIN_DESCRIPTION, voice } from "./commands/voice.js";
import { type GlobalOptions, openContext } from "./context.js";
import { describeError, ExitCode, exitCodeFor } from "./exit-codes.js";
import { interruptSignal } from "./interrupt.js";

/**
 * Gives a command built on its own (and its subcommands) the program's settings, which only `.command()`
 * copies: without them a usage error would exit 1 through process.exit instead of throwing for exit 2.
 */
function inheritSettings(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inheritSettings(sub, command);
  return command;
}

/** Builds the `camb` program. `run` opens a context per command and closes it however the command ends. */
function buildProgram(
  run: (command: Command, action: Action) => Promise<void>,
  signal: AbortSignal,
): Command {
  const program = new Command("camb")
    .description(
      "CAMB.AI from the terminal: speech, sound, voices, dubbing, transcription, translation, separation, stories, subtitles.",
    )
    .option("--sandbox", "use the embedded local sandbox even when CAMB_API_KEY is set")
    .option("--base-url <url>", `API base URL (default ${defaultBaseUrl}, or CAMB_BASE_URL)`)
    .option(
      "--realtime-url <url>",
      `realtime WebSocket host for listen and interpret (default ${realtimeServer}, or CAMB_REALTIME_URL)`,
    )
    .option("--json", "print machine-readable JSON on stdout")
    .option("-q, --quiet", "no progress on stderr")
    .exitOverride()
    .showHelpAfterError();

  program
    .command("tts <text>")
    .description("stream speech to a file (POST /tts-stream)")
    .option("--voice <id>", "voice id (default: the first of `camb voices`)")
    .option("--language <locale>", "lowercase BCP-47 locale", "en-us")
    .option("--model <name>", "speech model, e.g. mars-flash")
    .addOption(
      new Option("--format <format>", "audio format").choices(SPEECH_FORMATS).default(DEFAULT_SPEECH_FORMAT),
    )
    .option("-o, --output <file>", "output file, a folder for speech.<extension>, or - for stdout")
    .action((text: string, options, command: Command) =>
      run(command, (context) => tts(context, text, options)),
    );

  program
    .command("sound <prompt>")
    .description("generate a sound effect or music and save the WAV")
    .option("--duration <seconds>", `length in seconds, ${DURATION_RANGE} (the API's default when absent)`)
    .option("--music", "generate music instead of a sound effect")
    .option("-o, --output <file>", "output file (its extension added if none), a folder, or - for stdout")
    .action((prompt: string, options, command: Command) =>
      run(command, (context) => sound(context, prompt, options)),
    );

  program
    .command("voice <description>")
    .description(`design voices from a description (${MIN_DESCRIPTION}+ characters) and save their previews`)
    .requiredOption("--text <sentence>", "what the previews say")
    .option("-o, --output <dir>", "folder for the previews", ".")
    .action((description: string, options, command: Command) =>
      run(command, (context) => voice(context, description, options)),
    );

  program
    .command("voices")
    .description("list the voices available to your key")
    .action((_, command: Command) => run(command, voices));

  program
    .command("languages")
    .description("list languages and their numeric ids")
    .option("--target", "target languages instead of source languages")
    .action((options, command: Command) => run(command, (context) => languages(context, options)));

  program
    .command("results <family> <runIds...>")
    .description("download finished results in bulk, e.g. `camb results tts 11 12 13 -o out/`")
    .option("-o, --output <dir>", "output folder", ".")
    .option("--concurrency <n>", "parallel downloads", "4")
    .action((family: string, runIds: string[], options, command: Command) =>
      run(command, (context) => results(context, family, runIds, options)),
    );

  for (const make of [
    speakCommand,
    listenCommand,
    interpretCommand,
    dubCommand,
    transcribeCommand,
    translateCommand,
    separateCommand,
    storyCommand,
    subtitlesCommand,
    dictionariesCommand,
    foldersCommand,
    statusCommand,
    waitCommand,
    batchCommand,
  ]) {
    program.addCommand(inheritSettings(make(run), program));
  }

  program.addCommand(inheritSettings(sandboxCommand(signal), program));

  return program;
}

/** Runs `camb` with `argv` (as process.argv) and resolves with the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const interrupt = interruptSignal();
  let exitCode: number = ExitCode.ok;
  const run = async (command: Command, action: Action) => {
    const context = await openContext(command.optsWithGlobals<GlobalOptions>(), interrupt.signal);
    try {
      const result = await action(context);
      exitCode = typeof result === "number" ? result : ExitCode.ok;
    } finally {
      context.reporter.done();
      await context.close();
    }
  };
  try {
    await buildProgram(run, interrupt.signal).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    const code = exitCodeFor(error);
    // Commander has already printed its own usage errors and help.
    if (!(error instanceof Error && error.name === "CommanderError")) {
      process.stderr.write(`camb: ${describeError(error)}\n`);
    }
    return code;
  } finally {
    interrupt.dispose();
  }
}
