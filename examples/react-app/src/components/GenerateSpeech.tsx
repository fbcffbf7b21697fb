// The task section: creates a TTS task, shows its progress, can cancel it and plays the FLAC result.
import { useCreateAndWait, useResultAudio } from "@camb-kit/react";
import { useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

const ENGLISH_US = 1;

/** Create a TTS task, wait for it with progress, then play its FLAC result from an object URL. */
export function GenerateSpeech({ voiceId }: { voiceId: number }) {
  const [text, setText] = useState("Hello from camb-kit. This sentence was generated as a task.");
  const task = useCreateAndWait({ family: "tts", intervalMs: 250, maxIntervalMs: 1000 });
  const result = useResultAudio({ family: "tts", runId: task.data?.runId });
  const status = task.progress?.status?.status;

  return (
    <section>
      <h2>Generate speech (task)</h2>
      <textarea
        data-testid="task-text"
        rows={3}
        cols={70}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button
          type="button"
          data-testid="generate"
          disabled={task.isPending}
          onClick={() => task.mutate({ body: { text, voice_id: voiceId, language: ENGLISH_US } })}
        >
          Generate
        </button>{" "}
        <button type="button" data-testid="cancel" disabled={!task.isPending} onClick={task.cancel}>
          Cancel
        </button>
      </div>
      <p data-testid="task-status" data-status={status ?? "none"}>
        {task.isPending
          ? `Waiting for task ${task.progress?.taskId ?? "…"}: ${status ?? "creating"} (check ${task.progress?.attempt ?? 0})`
          : task.isSuccess
            ? `Done: run ${task.data.runId}`
            : "Idle"}
      </p>
      {task.error ? <ErrorMessage error={task.error} /> : null}
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {result.url ? (
        <audio data-testid="result-audio" data-run-id={task.data?.runId} controls src={result.url}>
          <track kind="captions" />
        </audio>
      ) : null}
    </section>
  );
}
