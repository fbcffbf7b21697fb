// Query options for a finished run's JSON: its result, a per-language result and a transcript.
import {
  type CambClient,
  getLanguageResult,
  getResultJson,
  getTranscript,
  type LanguageResultAnswer,
  type LanguageResultFamily,
  type LanguageResultOptions,
  type ResultAnswer,
  type ResultFamily,
  type ResultOptionsArg,
  type TranscriptAnswer,
  type TranscriptFamily,
  type TranscriptOptions,
  unwrap,
} from "@camb-kit/client";
import { queryOptions } from "@tanstack/react-query";
import type { CambQueryError } from "../camb-query-client.js";
import { cambKeys } from "../query-keys.js";

/** A call's own parameters (path and query), for its key: never its signal or headers. */
function paramsOf(options: { path?: unknown; query?: unknown } | undefined): object {
  return { path: options?.path, query: options?.query };
}

// A run's result never changes: cached for good, and never refetched on focus or remount. The client already
// retries 5xx and 429.
const finished = { staleTime: Infinity, retry: false } as const;

/**
 * Options for `GET <family result>` as JSON (`getResultJson`), for `useQuery`, `useQueries`,
 * `useSuspenseQuery`, `prefetchQuery`… A family whose result path takes more than the run id (a target
 * language) takes it as `options.path`, required for it by the type; a query the spec declares as
 * `options.query`. Both are part of the key.
 */
export function resultQueryOptions<F extends ResultFamily>(
  client: CambClient,
  family: F,
  runId: number,
  ...[options]: ResultOptionsArg<F>
) {
  type Data = ResultAnswer<F>;
  return queryOptions<Data, CambQueryError, Data, ReturnType<typeof cambKeys.result>>({
    queryKey: cambKeys.result(family, runId, paramsOf(options)),
    queryFn: async ({ signal }) => {
      const call = [{ ...options, signal }] as ResultOptionsArg<F>;
      return unwrap(await getResultJson(client, family, runId, ...call)) as Data;
    },
    ...finished,
  });
}

/** Options for a family's result in one language (`getLanguageResult`), keyed by run, language and query. */
export function languageResultQueryOptions<F extends LanguageResultFamily>(
  client: CambClient,
  family: F,
  runId: number,
  language: string | number,
  options: Omit<LanguageResultOptions<F>, "signal"> = {},
) {
  type Data = LanguageResultAnswer<F>;
  return queryOptions<Data, CambQueryError, Data, ReturnType<typeof cambKeys.languageResult>>({
    queryKey: cambKeys.languageResult(family, runId, language, paramsOf(options)),
    queryFn: async ({ signal }) =>
      unwrap(await getLanguageResult(client, family, runId, language, { ...options, signal })) as Data,
    ...finished,
  });
}

/** Options for the transcript of a run in one language (`getTranscript`), in the format `options.query` asks. */
export function transcriptQueryOptions<F extends TranscriptFamily>(
  client: CambClient,
  family: F,
  runId: number,
  language: string | number,
  options: Omit<TranscriptOptions<F>, "signal"> = {},
) {
  type Data = TranscriptAnswer<F>;
  return queryOptions<Data, CambQueryError, Data, ReturnType<typeof cambKeys.transcript>>({
    queryKey: cambKeys.transcript(family, runId, language, paramsOf(options)),
    queryFn: async ({ signal }) =>
      unwrap(await getTranscript(client, family, runId, language, { ...options, signal })) as Data,
    ...finished,
  });
}
