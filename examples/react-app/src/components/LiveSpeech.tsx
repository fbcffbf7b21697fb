// The live TTS section: text typed into the box is sent as it is typed; each sentence plays once written.
import { useLiveSpeech } from "@camb-kit/react";
import { useRef, useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

/**
 * Live speech: "Start" opens a session, then every keystroke's new text goes out as it is typed (the server
 * speaks each sentence once it is complete), and "Finish" speaks the rest. Audio plays as segments arrive.
 */
export function LiveSpeech({ voiceId }: { voiceId: number }) {
  const live = useLiveSpeech();
  const [text, setText] = useState("");
  // What has been sent so far: only what is added after it goes out.
  const sent = useRef("");
  const open = live.status !== "idle" && live.status !== "ended" && live.status !== "error";

  const type = (next: string) => {
    setText(next);
    if (!open || !next.startsWith(sent.current)) return;
    const added = next.slice(sent.current.length);
    sent.current = next;
    if (added) void live.sendText(added);
  };

  return (
    <section>
      <h2>Live speech</h2>
      <div>
        <button
          type="button"
          data-testid="live-start"
          onClick={() => {
            sent.current = "";
            setText("");
            void live.start({ voice_id: voiceId, language: "en-us" });
          }}
        >
          Start
        </button>{" "}
        <button type="button" data-testid="live-finish" disabled={!open} onClick={() => void live.finish()}>
          Finish
        </button>{" "}
        <button type="button" data-testid="live-stop" onClick={live.stop}>
          Stop
        </button>
      </div>
      <textarea
        data-testid="live-text"
        rows={3}
        cols={70}
        disabled={!open}
        placeholder="Type here once started: each sentence is spoken when you end it."
        value={text}
        onChange={(e) => type(e.target.value)}
      />
      <p
        data-testid="live-status"
        data-status={live.status}
        data-first-audio-ms={live.timeToFirstAudioMs ?? ""}
      >
        {live.status}
        {live.timeToFirstAudioMs === undefined
          ? ""
          : `, first audio after ${Math.round(live.timeToFirstAudioMs)} ms`}
      </p>
      <ol>
        {live.segments.map((segment) => (
          <li key={segment.id} data-testid="live-segment" data-state={segment.state}>
            {segment.text}
          </li>
        ))}
      </ol>
      {live.error ? <ErrorMessage error={live.error} /> : null}
      <audio data-testid="live-audio" ref={live.audioRef} controls>
        <track kind="captions" />
      </audio>
    </section>
  );
}
