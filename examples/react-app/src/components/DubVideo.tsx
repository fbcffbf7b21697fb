// The dubbing panel: a video URL in, target languages picked from the API's list, each dub playable.
import type { Schemas } from "@camb-kit/client";
import { resultQueryOptions, useCamb, useCambClient, useCreateAndWait } from "@camb-kit/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

type DubResult = Schemas["DubResult"];
type DubAnswer = Schemas["DubResultResponse"];

/**
 * A dub's answer per language. The API answers one result for one target and a map keyed by language for
 * several (the spec's `DubResultResponse`): the single form is the one with its own `audio_url`.
 */
function byLanguage(answer: DubAnswer, targets: string[]): [string, DubResult][] {
  if (typeof answer.audio_url === "string") return [[targets[0] ?? "", answer as DubResult]];
  return Object.entries(answer as Record<string, DubResult>);
}

/** Dub a video into the chosen languages, waiting with progress, then play each language's video and audio. */
export function DubVideo() {
  const [videoUrl, setVideoUrl] = useState("");
  const [source, setSource] = useState("en-us");
  const [targets, setTargets] = useState<string[]>(["es-es"]);
  const client = useCambClient();
  const languages = useCamb().useQuery("get", "/target-languages", {}, { staleTime: Infinity });
  const dub = useCreateAndWait({ family: "dub", intervalMs: 250, maxIntervalMs: 1000 });
  const runId = dub.data?.runId;
  const result = useQuery({
    ...resultQueryOptions(client, "dub", runId ?? -1),
    enabled: runId !== undefined,
  });
  const asked = dub.variables?.body.target_languages?.map(String) ?? [];

  return (
    <section>
      <h2>Dub a video</h2>
      <label>
        Video URL{" "}
        <input
          data-testid="dub-url"
          type="url"
          size={60}
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.target.value)}
        />
      </label>
      <div>
        <label>
          From{" "}
          <input
            data-testid="dub-source"
            size={8}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
        </label>{" "}
        <label>
          Into{" "}
          <select
            data-testid="dub-targets"
            multiple
            size={4}
            value={targets}
            onChange={(e) => setTargets([...e.target.selectedOptions].map((option) => option.value))}
          >
            {(languages.data ?? []).map((language) => (
              <option key={language.id} value={language.short_name}>
                {language.language}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button
        type="button"
        data-testid="dub"
        disabled={dub.isPending || videoUrl === "" || targets.length === 0}
        onClick={() =>
          dub.mutate({ body: { video_url: videoUrl, source_language: source, target_languages: targets } })
        }
      >
        Dub
      </button>{" "}
      <button type="button" data-testid="dub-cancel" disabled={!dub.isPending} onClick={dub.cancel}>
        Cancel
      </button>
      <p data-testid="dub-status">
        {dub.isPending
          ? `Dubbing (task ${dub.progress?.taskId ?? "…"}): ${dub.progress?.status?.status ?? "creating"}`
          : dub.isSuccess
            ? `Done: run ${runId}`
            : "Idle"}
      </p>
      {dub.error ? <ErrorMessage error={dub.error} /> : null}
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {result.data
        ? byLanguage(result.data, asked).map(([language, files]) => (
            <figure key={language} data-testid="dub-result" data-language={language}>
              <figcaption>{language}</figcaption>
              {/* Pre-signed storage URLs: the browser loads them directly, they carry no key. */}
              {files.video_url ? (
                <video data-testid={`dub-video-${language}`} controls width={480} src={files.video_url}>
                  <track kind="captions" />
                </video>
              ) : null}
              <audio data-testid={`dub-audio-${language}`} controls src={files.audio_url}>
                <track kind="captions" />
              </audio>
            </figure>
          ))
        : null}
    </section>
  );
}
