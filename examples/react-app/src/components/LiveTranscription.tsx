// The live transcription section: the microphone transcribed as it speaks, interim text in italics.
import { useLiveTranscription } from "@camb-kit/react";
import { ErrorMessage } from "./ErrorMessage.js";

/** What the microphone hears, live: finished sentences with their times, and the one still being heard. */
export function LiveTranscription() {
  const live = useLiveTranscription({
    query: { language: "en-us" },
    // The browser's voice processing is for calls; transcription hears the raw signal better.
    audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const busy = live.status === "starting" || live.status === "listening" || live.status === "finishing";

  return (
    <section>
      <h2>Live transcription</h2>
      <div>
        <button type="button" data-testid="listen" disabled={busy} onClick={() => void live.start()}>
          Listen
        </button>{" "}
        <button
          type="button"
          data-testid="listen-stop"
          disabled={live.status !== "listening"}
          onClick={() => void live.stop()}
        >
          Stop
        </button>
      </div>
      <p data-testid="listen-status" data-status={live.status}>
        {live.status}
      </p>
      <p data-testid="live-transcript">
        {live.segments.map((segment) => (
          <span
            key={segment.start}
            data-testid="live-transcript-segment"
            data-start={segment.start}
            data-duration={segment.duration}
          >
            {segment.transcript}{" "}
          </span>
        ))}
        <i data-testid="live-interim">{live.interim}</i>
      </p>
      {live.error ? <ErrorMessage error={live.error} /> : null}
    </section>
  );
}
