// useResultAudio: a finished run's audio, downloaded once and cached, as a playable URL (or voice previews).
import type { ResultTaskFamily } from "@camb-kit/client";
import { type UseQueryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { CambQueryError } from "./camb-query-client.js";
import { useCambClient } from "./provider.js";
import type { cambKeys } from "./query-keys.js";
import { type ResultAudioData, resultAudioQueryOptions } from "./query-options/result-audio.js";
import { useObjectUrl } from "./use-object-url.js";

/** Options of `useResultAudio`: the family and run id, and any other option of `useQuery` but `select`. */
export type ResultAudioOptions<F extends ResultTaskFamily> = Omit<
  UseQueryOptions<
    ResultAudioData<F>,
    CambQueryError,
    ResultAudioData<F>,
    ReturnType<typeof cambKeys.resultAudio>
  >,
  "queryKey" | "queryFn" | "select"
> & {
  family: F;
  /** Nothing is downloaded while it is missing. */
  runId: number | null | undefined;
};

/** What `useResultAudio` adds beside TanStack's result. */
export interface ResultAudioExtras {
  /** Something an `<audio src>` can play: an object URL for audio results, the first preview otherwise. */
  url: string | undefined;
  /** Every playable URL: `[url]` for audio results, all preview URLs for text-to-voice. */
  urls: string[];
  /** The downloaded audio (audio families only). The cache keeps this, never an object URL. */
  blob: Blob | undefined;
}

/** TanStack's `UseQueryResult`, unchanged, with `ResultAudioExtras` beside it. */
export type UseResultAudioResult<F extends ResultTaskFamily> = UseQueryResult<
  ResultAudioData<F>,
  CambQueryError
> &
  ResultAudioExtras;

/**
 * The result of a finished run, ready for `<audio src>`, through `resultAudioQueryOptions`. Audio families
 * are downloaded once per run and cached as a Blob; each component gets its own object URL, revoked when
 * `runId` changes or the component unmounts. For a voice design, `urls` are the preview URLs it answers.
 */
export function useResultAudio<F extends ResultTaskFamily>(
  options: ResultAudioOptions<F>,
): UseResultAudioResult<F> {
  const { family, runId, ...rest } = options;
  const client = useCambClient();
  const known = runId !== null && runId !== undefined;
  const query = useQuery({
    ...resultAudioQueryOptions(client, family, runId ?? -1),
    ...rest,
    enabled: known ? (rest.enabled ?? true) : false,
  });
  const blob = query.data instanceof Blob ? query.data : undefined;
  const objectUrl = useObjectUrl(blob);
  const previews = Array.isArray(query.data) ? query.data : undefined;
  const urls = useMemo(() => previews ?? (objectUrl ? [objectUrl] : []), [previews, objectUrl]);
  return Object.assign(query, { url: urls[0], urls, blob });
}
