// resultAudioQueryOptions: a finished run's audio as a cached Blob, or a voice design's preview URLs.
import {
  type AudioTaskFamily,
  type CambClient,
  families,
  getResultJson,
  openResultAudio,
  type ResultTaskFamily,
  unwrap,
} from "@camb-kit/client";
import { queryOptions } from "@tanstack/react-query";
import type { CambQueryError } from "../camb-query-client.js";
import { cambKeys } from "../query-keys.js";

/** What `resultAudioQueryOptions` caches: the audio for an audio family, the preview URLs otherwise. */
export type ResultAudioData<F extends ResultTaskFamily> = F extends AudioTaskFamily ? Blob : string[];

function isAudioFamily(family: ResultTaskFamily): family is AudioTaskFamily {
  return families[family].resultIsAudio;
}

async function fetchAudio(client: CambClient, family: AudioTaskFamily, runId: number, signal: AbortSignal) {
  const audio = await openResultAudio(client, family, runId, { signal });
  const bytes = await new Response(audio.stream).arrayBuffer();
  return new Blob([bytes], { type: audio.contentType ?? families[family].resultMediaType });
}

async function fetchPreviews(
  client: CambClient,
  family: ResultTaskFamily,
  runId: number,
  signal: AbortSignal,
) {
  const result = unwrap(await getResultJson(client, family, runId, { signal }));
  const previews = (result as { previews?: unknown } | undefined)?.previews;
  return Array.isArray(previews) ? previews.filter((url): url is string => typeof url === "string") : [];
}

/**
 * Options for a finished run's playable result: an audio family's file, downloaded once and cached as a Blob
 * (never an object URL: see `useResultAudio`), or the preview URLs a voice design answers.
 */
export function resultAudioQueryOptions<F extends ResultTaskFamily>(
  client: CambClient,
  family: F,
  runId: number,
) {
  type Data = ResultAudioData<F>;
  return queryOptions<Data, CambQueryError, Data, ReturnType<typeof cambKeys.resultAudio>>({
    queryKey: cambKeys.resultAudio(family, runId),
    queryFn: ({ signal }) =>
      (isAudioFamily(family)
        ? fetchAudio(client, family, runId, signal)
        : fetchPreviews(client, family, runId, signal)) as Promise<Data>,
    // A run's result never changes; pre-signed preview URLs do expire, but not within a session's cache time.
    staleTime: Infinity,
    retry: false,
  });
}
