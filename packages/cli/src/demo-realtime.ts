// The demo's realtime part: a sentence spoken live over the live TTS WebSocket and saved as it arrives, then
// played back into live transcription, which must give the sentence back word for word.
import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { CambClient } from "@camb-kit/client";
import { saveAudio } from "@camb-kit/node";
import { openLiveSpeech, openLiveTranscription } from "@camb-kit/realtime";

const SENTENCE = "Live speech from camb-kit, heard back by live transcription.";

/** The live session's audio bytes as they arrive. */
async function* liveAudio(session: ReturnType<typeof openLiveSpeech>): AsyncGenerator<Uint8Array> {
  for await (const event of session) if (event.type === "audio") yield event.data;
}

/** Speaks, saves, listens; returns the file written. Throws when the transcript is not the sentence. */
export async function realtimeTour(
  camb: CambClient,
  outDir: string,
  voiceId: number,
  step: (message: string) => void,
): Promise<string[]> {
  step("speaking a sentence live (live TTS over a WebSocket), saved as the segments arrive");
  const speech = openLiveSpeech(camb, { voice_id: voiceId, language: "en-us", output_format: "wav" });
  await speech.ready;
  await speech.sendText(SENTENCE);
  await speech.finish();
  const saved = await saveAudio(liveAudio(speech), join(outDir, "live-speech.wav"));

  step("listening to it with live transcription: the transcript must be the sentence");
  const listening = openLiveTranscription(camb, { language: "en-us" });
  const finals: string[] = [];
  const reading = (async () => {
    for await (const event of listening) {
      if ("channel" in event && (event.type === "Final" || event.is_final)) {
        const text = event.channel.alternatives[0]?.transcript;
        if (text) finals.push(text);
      }
    }
  })();
  const sending = (async () => {
    await listening.pipeAudio(createReadStream(saved.path), { format: "wav" });
    await listening.finish();
  })();
  await Promise.all([reading, sending]);
  const heard = finals.join(" ");
  if (heard !== SENTENCE) throw new Error(`live transcription heard "${heard}", not "${SENTENCE}"`);
  step(`heard back: "${heard}"`);
  return [saved.path];
}
