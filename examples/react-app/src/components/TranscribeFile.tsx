// The transcription panel: a file from <input type="file"> uploaded with progress, the transcript with timings.
import type { Schemas } from "@camb-kit/client";
import { resultQueryOptions, useCambClient, useCreateAndWait } from "@camb-kit/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

type Segment = Schemas["TranscriptSegment"];

/** The segments of a transcription result: `{ transcript: [...] }`, or the bare array the docs show. */
function segmentsOf(answer: Schemas["TranscriptionResultResponse"]): Segment[] {
  if (Array.isArray(answer)) return answer;
  return "transcript" in answer && Array.isArray(answer.transcript) ? answer.transcript : [];
}

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(2).padStart(5, "0")}`;

/** Upload a media file for transcription (progress from the upload itself), wait, show the timed transcript. */
export function TranscribeFile() {
  const [file, setFile] = useState<File | undefined>(undefined);
  const [language, setLanguage] = useState("en-us");
  const transcription = useCreateAndWait({ family: "transcription", intervalMs: 250, maxIntervalMs: 1000 });
  const runId = transcription.data?.runId;
  const result = useQuery({
    ...resultQueryOptions(useCambClient(), "transcription", runId ?? -1),
    enabled: runId !== undefined,
  });
  const upload = transcription.progress?.upload;

  return (
    <section>
      <h2>Transcribe a file</h2>
      <input
        data-testid="transcribe-file"
        type="file"
        accept="audio/*,video/*"
        onChange={(e) => setFile(e.target.files?.[0])}
      />{" "}
      <label>
        Language{" "}
        <input
          data-testid="transcribe-language"
          size={8}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        />
      </label>{" "}
      <button
        type="button"
        data-testid="transcribe"
        disabled={transcription.isPending || file === undefined}
        onClick={() => file && transcription.mutate({ body: { language, media_file: file } })}
      >
        Transcribe
      </button>
      <p>
        <progress
          data-testid="upload-progress"
          data-sent={upload?.sent ?? ""}
          data-total={upload?.total ?? ""}
          value={upload?.sent ?? 0}
          max={upload?.total ?? file?.size ?? 1}
        />{" "}
        {upload ? `${upload.sent} of ${upload.total ?? "?"} bytes sent` : "Nothing uploaded yet"}
      </p>
      <p data-testid="transcribe-status">
        {transcription.isPending
          ? `Transcribing: ${transcription.progress?.status?.status ?? "uploading"}`
          : transcription.isSuccess
            ? `Done: run ${runId}`
            : "Idle"}
      </p>
      {transcription.error ? <ErrorMessage error={transcription.error} /> : null}
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {result.data ? (
        <ol data-testid="transcript">
          {segmentsOf(result.data).map((segment, index) => (
            <li
              // Segments have no id; their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a transcript's order never changes
              key={index}
              data-testid="transcript-segment"
              data-start={segment.start}
              data-end={segment.end}
            >
              <time>{clock(segment.start)}</time>–<time>{clock(segment.end)}</time> {segment.speaker}:{" "}
              {segment.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
