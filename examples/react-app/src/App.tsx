// The example app's page: the voice picker, task, streamed and live speech, dubbing, and transcription of
// files and of the microphone.
import { useCamb } from "@camb-kit/react";
import { useState } from "react";
import { DubVideo } from "./components/DubVideo.js";
import { ErrorMessage } from "./components/ErrorMessage.js";
import { GenerateSpeech } from "./components/GenerateSpeech.js";
import { LiveSpeech } from "./components/LiveSpeech.js";
import { LiveTranscription } from "./components/LiveTranscription.js";
import { StreamSpeech } from "./components/StreamSpeech.js";
import { TranscribeFile } from "./components/TranscribeFile.js";
import { VoicePicker } from "./components/VoicePicker.js";

export function App() {
  // A typed query of the spec through useCamb(): GET /list-voices, cached for the session.
  const voices = useCamb().useQuery("get", "/list-voices", {}, { staleTime: Infinity });
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const voiceId = chosen ?? voices.data?.[0]?.id;

  return (
    <main
      style={{ fontFamily: "system-ui, sans-serif", maxWidth: 720, margin: "2rem auto", lineHeight: 1.5 }}
    >
      <h1>camb-kit React example</h1>
      {voices.error ? <ErrorMessage error={voices.error} /> : null}
      {voices.data && voiceId !== undefined ? (
        <>
          <VoicePicker voices={voices.data} value={voiceId} onChange={setChosen} />
          <GenerateSpeech voiceId={voiceId} />
          <StreamSpeech voiceId={voiceId} />
          <LiveSpeech voiceId={voiceId} />
        </>
      ) : (
        <p>Loading voices…</p>
      )}
      <DubVideo />
      <TranscribeFile />
      <LiveTranscription />
    </main>
  );
}
