// The official @camb-ai/sdk (1.0.1, the version bench/ pins) against a running sandbox: the resources beyond
// speech (and the first wave) driven through the SDK's own methods, as a user would; where the SDK misbehaves,
// what it really does.
import { CambClient } from "@camb-ai/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/index.js";
import { cuesOf, wordsOf } from "./helpers/result-files.js";

let sandbox: RunningSandbox;
let camb: CambClient;

beforeAll(async () => {
  sandbox = await startSandbox({ pendingPolls: 1 });
  camb = new CambClient({ apiKey: "sdk-key", baseUrl: sandbox.url });
});
afterAll(() => sandbox.close());

type Status = { status: string; run_id?: number | null };

/** Polls with an SDK status method until the task leaves PENDING; every status seen, the last one SUCCESS. */
async function finished(poll: () => Promise<Status>): Promise<{ runId: number; statuses: string[] }> {
  const statuses: string[] = [];
  let last: Status | undefined;
  for (let i = 0; i < 10 && (last === undefined || last.status === "PENDING"); i++) {
    last = await poll();
    statuses.push(last.status);
  }
  expect(last?.status).toBe("SUCCESS");
  return { runId: last?.run_id as number, statuses };
}

/** The SDK's answer to a binary endpoint it parses as JSON (see the reference cited at each use). */
type NonJson = { ok: false; error: { reason: string; statusCode: number; rawBody: string } };

/** The sandbox's speech of `text` as a stored file's URL, made with the SDK's speech task methods. */
async function speechUrl(text: string): Promise<string> {
  const { task_id } = await camb.textToSpeech.createTts({ text, voice_id: 147320, language: 1 });
  const { runId } = await finished(() => camb.textToSpeech.getTtsResult({ task_id }));
  const file = await camb.textToSpeech.getTtsRunInfo({ run_id: runId, output_type: "file_url" });
  return (file as { output_url: string }).output_url;
}

/** WAV speech from the SDK's streaming call (a binary response it does read as bytes). */
async function wavSpeech(text: string): Promise<Blob> {
  const speech = await camb.textToSpeech.tts({
    text,
    voice_id: 147320,
    language: "en-us",
    output_configuration: { format: "wav" },
  });
  return new Blob([await speech.arrayBuffer()], { type: "audio/wav" });
}

describe("the official TS SDK 1.0.1 against the sandbox", () => {
  test("the first wave too: voices, languages, sound (result bytes and bulk), voice design, a cloned voice", async () => {
    const voices = await camb.voiceCloning.listVoices();
    expect(voices.length).toBeGreaterThan(0);
    expect((await camb.languages.getSourceLanguages()).length).toBeGreaterThan(100);
    expect((await camb.languages.getTargetLanguages()).length).toBeGreaterThan(100);
    const runs: number[] = [];
    for (const prompt of ["rain on a tin roof", "a door creaks"]) {
      const { task_id } = await camb.textToAudio.createTextToAudio({ prompt, duration: 1 });
      const { runId } = await finished(() =>
        camb.textToAudio.getTextToAudioStatus({ task_id: task_id as string }),
      );
      runs.push(runId);
    }
    const sound = await camb.textToAudio.getTextToAudioResult({ run_id: runs[0] as number });
    const bytes = new Uint8Array(await sound.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("RIFF");
    const bulk = await camb.textToAudio.getTextToSoundResults({ body: { run_ids: runs } });
    expect(Object.keys(bulk).sort()).toEqual(runs.map(String).sort());
    const design = await camb.textToVoice.createTextToVoice({
      text: "Hello, this is a preview.",
      voice_description:
        "A warm, calm narrator in her forties with a slight rasp, speaking slowly and clearly, as if reading a story.",
    });
    const { runId } = await finished(() =>
      camb.textToVoice.getTextToVoiceStatus({ task_id: design.task_id as string }),
    );
    const { previews } = await camb.textToVoice.getTextToVoiceResult({ run_id: runId });
    expect(previews.length).toBeGreaterThan(0);
    const cloned = await camb.voiceCloning.createCustomVoice({
      voice_name: "Mine",
      gender: 2,
      file: await wavSpeech("Clone this voice."),
    });
    expect((await camb.voiceCloning.listVoices()).some((voice) => voice.id === cloned.voice_id)).toBe(true);
  });

  test("dub: create, status, result, transcript, another format, the status aliases and bulk", async () => {
    const video_url = await speechUrl("Hello from the official SDK. A short dub.");
    const { task_id } = await camb.dub.endToEndDubbing({
      video_url,
      source_language: 1,
      target_languages: [54],
    });
    const dub = await finished(() => camb.dub.getEndToEndDubbingStatus({ task_id: task_id as string }));
    expect(dub.statuses).toEqual(["PENDING", "SUCCESS"]);
    const result = (await camb.dub.getDubbedRunInfo({ run_id: dub.runId })) as { audio_url: string };
    const audio = await fetch(result.audio_url);
    expect(audio.headers.get("content-type")).toBe("audio/mpeg");

    const srt = await camb.dub.getDubbedRunTranscript({
      run_id: dub.runId,
      language: 54,
      format_type: "srt",
      data_type: "raw_data",
    });
    expect(wordsOf(await cuesOf(srt.transcript ?? "", "srt"))).toBe(
      "[es-es] Hello from the official SDK. A short dub.",
    );

    const ask = () =>
      camb.dub.getDubbedOutputInAltFormat({ run_id: dub.runId, language: 54, output_format: "mkv" });
    const conversion = (await ask()) as { task_id: string };
    await finished(() => camb.dub.getDubbedOutputInAltFormatStatus({ task_id: conversion.task_id }));
    const converted = (await ask()) as Record<string, string>;
    expect(Object.keys(converted)).toEqual(["output_url"]);
    expect((await fetch(converted.output_url ?? "")).headers.get("content-type")).toBe("video/x-matroska");

    const status = await camb.dub.getEndToEndDubbingStatus({ task_id: task_id as string });
    expect(await camb.dub.pollDiscordDubTask({ task_id: task_id as string })).toEqual(status);
    expect(await camb.dub.pollTwitterDubTask({ task_id: task_id as string })).toEqual(status);

    const other = await camb.dub.endToEndDubbing({ video_url, source_language: 1, target_language: 76 });
    const second = await finished(() =>
      camb.dub.getEndToEndDubbingStatus({ task_id: other.task_id as string }),
    );
    const bulk = await camb.dub.getDubbingRunsResults({ body: { run_ids: [dub.runId, second.runId] } });
    expect(Object.keys(bulk).sort()).toEqual([String(dub.runId), String(second.runId)]);
  });

  test("transcription of an uploaded Blob and of a named Buffer gives back the words; bulk by run id", async () => {
    const text = "Transcribe me, please. Thank you!";
    const wav = await wavSpeech(text);
    const uploads = [
      wav,
      { data: Buffer.from(await wav.arrayBuffer()), filename: "speech.wav", contentType: "audio/wav" },
    ];
    const runs: number[] = [];
    for (const media_file of uploads) {
      const { task_id } = await camb.transcription.createTranscription({ language: 1, media_file });
      const { runId } = await finished(() =>
        camb.transcription.getTranscriptionTaskStatus({ task_id: task_id as string }),
      );
      const result = await camb.transcription.getTranscriptionResult({ run_id: runId });
      expect(wordsOf(result.transcript)).toBe(text);
      runs.push(runId);
    }
    const bulk = await camb.transcription.getTranscriptionResults({ body: { run_ids: runs } });
    expect(Object.values(bulk).map((result) => wordsOf(result.transcript))).toEqual([text, text]);
  });

  test("translation: the create answer (typed unknown) is { task_id }; results keep order; the stream is parsed as JSON", async () => {
    // camb-api-coverage.md row 32: TS 1.0.1 types createTranslation's answer `unknown`.
    const created = (await camb.translation.createTranslation({
      texts: ["Good morning.", "Good night."],
      source_language: 1,
      target_language: 54,
    })) as { task_id: string };
    const { runId } = await finished(() =>
      camb.translation.getTranslationTaskStatus({ task_id: created.task_id }),
    );
    expect(await camb.translation.getTranslationResult({ run_id: runId })).toEqual({
      texts: ["[es-es] Good morning.", "[es-es] Good night."],
    });
    // camb-api-coverage.md row 31 (and the spec's streamTranslation): the answer is streamed plain text, which
    // TS 1.0.1 parses as JSON; it resolves with its fetcher's non-JSON error object instead of the text.
    const streamed = (await camb.translation.translationStream({
      text: "Good evening.",
      source_language: 1,
      target_language: 76,
    })) as NonJson;
    expect(streamed).toEqual({
      ok: false,
      error: { reason: "non-json", statusCode: 200, rawBody: "[fr-fr] Good evening." },
    });
  });

  test("translated TTS: created and polled by the SDK; getTtsRunInfo parses the FLAC as JSON, file_url gives the file", async () => {
    const { task_id } = await camb.translatedTts.createTranslatedTts({
      text: "Good evening.",
      voice_id: 147320,
      source_language: 1,
      target_language: 54,
    });
    const { runId } = await finished(() => camb.translatedTts.getTranslatedTtsTaskStatus({ task_id }));
    // camb-api-coverage.md row 4: TS 1.0.1 parses /tts-result's binary answer as JSON (typed string | file URL).
    const raw = (await camb.textToSpeech.getTtsRunInfo({ run_id: runId })) as unknown as NonJson;
    expect(raw).toMatchObject({ ok: false, error: { reason: "non-json", statusCode: 200 } });
    expect(raw.error.rawBody.startsWith("fLaC")).toBe(true);
    const file = (await camb.textToSpeech.getTtsRunInfo({ run_id: runId, output_type: "file_url" })) as {
      output_url: string;
    };
    const flac = new Uint8Array(await (await fetch(file.output_url)).arrayBuffer());
    expect(new TextDecoder().decode(flac.subarray(0, 4))).toBe("fLaC");
  });

  test("audio separation of an uploaded file: two stems that are WAV files", async () => {
    const { task_id } = await camb.audioSeparation.createAudioSeparation({
      media_file: await wavSpeech("Split me."),
    });
    const { runId } = await finished(() =>
      camb.audioSeparation.getAudioSeparationStatus({ task_id: task_id as string }),
    );
    const stems = await camb.audioSeparation.getAudioSeparationRunInfo({ run_id: runId });
    for (const url of [stems.foreground_audio_url, stems.background_audio_url]) {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("RIFF");
    }
  });

  test("stories: a .txt narrated with its transcript, set up at once, and translated into another language", async () => {
    const file = {
      data: Buffer.from("Once upon a time. The end."),
      filename: "tale.txt",
      contentType: "text/plain",
    };
    const created = (await camb.story.createStory({ file, source_language: 1, title: "Tale" })) as {
      task_id: string;
    };
    const story = await finished(() => camb.story.getStoryStatus({ task_id: created.task_id }));
    const narration = await camb.story.getStoryRunInfo({ run_id: story.runId, include_transcript: true });
    expect(wordsOf(narration.transcript as { text: string }[])).toBe("Once upon a time. The end.");

    const setup = await camb.story.setupStory({ file, source_language: 1, title: "Set up" });
    expect(setup).toMatchObject({ run_id: expect.any(Number), story_details: { story_title: "Set up" } });

    const translation = await camb.translatedStory.createTranslationForExistingStory({
      run_id: story.runId,
      target_language: 54,
    });
    const translated = await finished(() =>
      camb.translatedStory.getTranslatedStoryStatus({ task_id: translation.task_id as string }),
    );
    const spanish = await camb.translatedStory.getTranslatedStoryRunInfo({
      run_id: translated.runId,
      target_language: 54,
      include_transcript: true,
    });
    expect(wordsOf(spanish.transcript as { text: string }[])).toBe("[es-es] Once upon a time. The end.");
  });

  test("project setup: the status is [] then the project's runs; its result is that run", async () => {
    const media_url = await speechUrl("A clip for the studio.");
    const { task_id } = await camb.projectSetup.createProject({
      media_url,
      source_language: 1,
      target_languages: [54],
    });
    expect(await camb.projectSetup.createProjectSetupTaskStatus({ task_id })).toEqual([]);
    const [project] = await camb.projectSetup.createProjectSetupTaskStatus({ task_id });
    expect(project?.project_details).toMatchObject({ source_language: 1, target_languages: [54] });
    expect(await camb.projectSetup.getProjectSetupResult({ run_id: project?.run_id as number })).toEqual(
      project,
    );
  });

  test("dictionaries, folders and live streams round-trip through the SDK", async () => {
    const dictionary_file = {
      data: Buffer.from("en-us,es-es\nhello,hola\n"),
      filename: "terms.csv",
      contentType: "text/csv",
    };
    const made = (await camb.dictionaries.createDictionaryFromFile({
      dictionary_file,
      dictionary_name: "SDK",
    })) as {
      dictionary_id: number;
    };
    const dictionary = await camb.dictionaries.getDictionaryInfo({ dictionary_id: made.dictionary_id });
    expect(
      (dictionary.dictionary_terms ?? []).map((term) => term.term_translations.map((t) => t.term_text)),
    ).toEqual([["hello", "hola"]]);

    await camb.folders.createFolder({ folder_name: "SDK folder" });
    expect((await camb.folders.listFolders({ search_query: "sdk" })).map((folder) => folder.name)).toEqual([
      "SDK folder",
    ]);

    const stream = await camb.streaming.createStream({
      voices: [147320],
      dictionaries: [],
      config: {
        pipeline: { demixing: "best_model", transcribing: "fast_model" },
        mixing: { original_audio_gain: 0.2, fade_time: 1 },
      },
      source_stream: { language: 1, url: "srt://ingest.example.com:9000" },
      target_streams: [{ languages: [54], url: "srt://out.example.com:9001", type: 1 }],
    });
    expect(await camb.streaming.getStreamResult({ stream_id: stream.stream_id })).toMatchObject({
      stream_id: stream.stream_id,
    });
    await camb.streaming.destroyStream({ stream_id: stream.stream_id });
  });

  test("the SDK's optional run_id query parameter reaches the sandbox, which ignores it as FastAPI does", async () => {
    const { task_id } = (await camb.translation.createTranslation({
      texts: ["Hi."],
      source_language: 1,
      target_language: 54,
      run_id: 7,
    })) as { task_id: string };
    const status = await camb.translation.getTranslationTaskStatus({ task_id, run_id: 7 });
    expect(status.status).toBe("PENDING");
    const sent = sandbox.requests.filter((r) => r.url.includes(task_id) || r.path === "/translate");
    expect(sent.map((r) => new URL(r.url).searchParams.get("run_id"))).toContain("7");
  });

  test("SDK 1.0.1 has no subtitles client (newer SDKs added it), so subtitles are proved by the family suite", () => {
    expect("dub" in camb && !("subtitles" in camb)).toBe(true);
  });
});
