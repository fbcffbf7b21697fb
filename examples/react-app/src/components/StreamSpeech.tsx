// The streaming section: plays /tts-stream MP3 as it arrives, with time to first audio and to playback.
import { useSpeechStream } from "@camb-kit/react";
import { useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

const ms = (value: number | undefined) => (value === undefined ? "–" : `${Math.round(value)} ms`);

/** Stream `/tts-stream` (mp3) and play it while it arrives; shows time to first audio and to playback. */
export function StreamSpeech({ voiceId }: { voiceId: number }) {
  const [text, setText] = useState("Streaming speech starts playing while the rest is still on its way.");
  const speech = useSpeechStream();

  return (
    <section>
      <h2>Stream speech</h2>
      <textarea
        data-testid="stream-text"
        rows={3}
        cols={70}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button
          type="button"
          data-testid="speak"
          onClick={() =>
            speech.speak({
              text,
              voice_id: voiceId,
              language: "en-us",
              output_configuration: { format: "mp3" },
            })
          }
        >
          Speak
        </button>{" "}
        <button type="button" data-testid="stop" onClick={speech.stop}>
          Stop
        </button>
      </div>
      <dl
        data-testid="stream-stats"
        data-status={speech.status}
        data-mode={speech.mode ?? ""}
        data-first-audio-ms={speech.timeToFirstAudioMs ?? ""}
        data-playback-ms={speech.timeToPlaybackMs ?? ""}
        data-complete-ms={speech.timeToCompleteMs ?? ""}
      >
        <dt>Status</dt>
        <dd>{speech.status}</dd>
        <dt>Playback</dt>
        <dd>{speech.mode ?? "–"}</dd>
        <dt>Time to first audio</dt>
        <dd>{ms(speech.timeToFirstAudioMs)}</dd>
        <dt>Time to playback</dt>
        <dd>{ms(speech.timeToPlaybackMs)}</dd>
        <dt>Whole stream received</dt>
        <dd>{ms(speech.timeToCompleteMs)}</dd>
      </dl>
      {speech.error ? <ErrorMessage error={speech.error} /> : null}
      <audio data-testid="stream-audio" ref={speech.audioRef} controls>
        <track kind="captions" />
      </audio>
    </section>
  );
}
