// useResultAudio: a finished run's audio, downloaded once and cached, as a playable URL (or voice previews).
import {
  type AudioTaskFamily,
  families,
  getResultJson,
  openResultAudio,
  type ResultTaskFamily,
  unwrap,
} from "@camb-kit/client";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { CambQueryError } from "./camb-query-client.js";
import { useCambClient } from "./provider.js";
import { cambKeys } from "./query-keys.js";
import { useObjectUrl } from "./use-object-url.js";

export interface ResultAudioState {
  /** Something an `<audio src>` can play: an object URL for audio results, the first preview for text-to-voice. */
  url: string | undefined;
  /** Every playable URL: `[url]` for audio results, all preview URLs for text-to-voice. */
  urls: string[];
  /** The downloaded audio (audio families only). The cache keeps this, never an object URL. */
  blob: Blob | undefined;
  isLoading: boolean;
  error: CambQueryError | null;
  query: UseQueryResult<Blob | string[], CambQueryError>;
}

function isAudioFamily(family: ResultTaskFamily): family is AudioTaskFamily {
  return families[family].resultIsAudio;
}

async function fetchAudio(
  client: ReturnType<typeof useCambClient>,
  family: AudioTaskFamily,
  runId: number,
  signal: AbortSignal,
): Promise<Blob> {
  const audio = await openResultAudio(client, family, runId, { signal });
  const bytes = await new Response(audio.stream).arrayBuffer();
  return new Blob([bytes], { type: audio.contentType ?? families[family].resultMediaType });
}

async function fetchPreviews(
  client: ReturnType<typeof useCambClient>,
  family: ResultTaskFamily,
  runId: number,
  signal: AbortSignal,
): Promise<string[]> {
  const result = unwrap(await getResultJson(client, family, runId, { signal }));
  const previews = (result as { previews?: unknown } | undefined)?.previews;
  return Array.isArray(previews) ? previews.filter((url): url is string => typeof url === "string") : [];
}

/**
 * The result of a finished run, ready for `<audio src>`. Audio families (tts, text-to-sound) are downloaded
 * once per run and cached as a Blob; each component gets its own object URL, revoked when `runId` changes or
 * the component unmounts. For text-to-voice, `urls` are the preview URLs the API returns.
 */
export function useResultAudio(family: ResultTaskFamily, runId: number | null | undefined): ResultAudioState {
  const client = useCambClient();
  const id = runId ?? -1;
  const audio = isAudioFamily(family);
  const query = useQuery<Blob | string[], CambQueryError>({
    queryKey: audio ? cambKeys.resultAudio(family, id) : cambKeys.resultJson(family, id),
    queryFn: ({ signal }) =>
      audio ? fetchAudio(client, family, id, signal) : fetchPreviews(client, family, id, signal),
    enabled: runId !== null && runId !== undefined,
    // A run's result never changes; pre-signed preview URLs do expire, but not within a session's cache time.
    staleTime: Infinity,
    retry: false,
  });
  const blob = query.data instanceof Blob ? query.data : undefined;
  const objectUrl = useObjectUrl(blob);
  const previews = Array.isArray(query.data) ? query.data : undefined;
  const urls = useMemo(() => previews ?? (objectUrl ? [objectUrl] : []), [previews, objectUrl]);
  return {
    url: urls[0],
    urls,
    blob,
    isLoading: query.isLoading,
    error: query.error,
    query,
  };
}
