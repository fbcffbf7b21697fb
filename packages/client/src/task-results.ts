// The result-side calls of a task family (its result, a per-language result, a transcript), by family name:
// paths, path parameters and queries come from the generated families table and the spec's types.
import type { CambClient } from "./camb-client.js";
import { families, type TaskFamily } from "./families.js";
import type { paths } from "./generated/schema.js";
import type { CallOptions } from "./tasks.js";
import type { FetchResult } from "./unwrap.js";

type Family<F extends TaskFamily> = (typeof families)[F];
type FamiliesWith<Key extends keyof Family<TaskFamily>, Value> = {
  [F in TaskFamily]: Family<F>[Key] extends Value ? F : never;
}[TaskFamily];

/** Families with a result endpoint, whatever else its path takes (a target language…). */
export type ResultFamily = FamiliesWith<"result", string>;
/** Families with a second, per-language result (`families[f].languageResult`). */
export type LanguageResultFamily = FamiliesWith<"languageResult", string>;
/** Families with a bulk-results endpoint, whether it answers a map keyed by run id or a list. */
export type BulkResultFamily = FamiliesWith<"bulk", string>;
/** Families with a transcript of a run in one of its languages (`families[f].transcript`). */
export type TranscriptFamily = FamiliesWith<"transcript", string>;

type GetOf<Path> = Path extends keyof paths ? paths[Path]["get"] : never;
type JsonContent<Operation> = Operation extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;
type QueryOf<Operation> = Operation extends { parameters: { query?: infer Query } }
  ? NonNullable<Query>
  : never;
type PathOf<Operation> = Operation extends { parameters: { path: infer Path } } ? Path : never;

/** The JSON answer of a family's result endpoint (its URL form for a family whose result is a file). */
export type ResultAnswer<F extends ResultFamily> = JsonContent<GetOf<Family<F>["result"]>>;
/** The JSON answer of a family's per-language result. */
export type LanguageResultAnswer<F extends LanguageResultFamily> = JsonContent<
  GetOf<Family<F>["languageResult"]>
>;
/** The JSON answer of a family's transcript call. */
export type TranscriptAnswer<F extends TranscriptFamily> = JsonContent<GetOf<Family<F>["transcript"]>>;

/**
 * Options of `getResultJson`: the result's query as the spec declares it (`output_type` is the call's own),
 * and `path`, the path parameters beside the run id, required for a family whose `resultParams` is non-empty.
 */
export type ResultOptions<F extends ResultFamily> = F extends unknown
  ? CallOptions & {
      query?: Omit<QueryOf<GetOf<Family<F>["result"]>>, "output_type"> | undefined;
    } & (Family<F>["resultParams"] extends readonly []
        ? { path?: undefined }
        : { path: Omit<PathOf<GetOf<Family<F>["result"]>>, "run_id"> })
  : never;

/** The options argument: optional exactly when the family's result path takes the run id alone. */
export type ResultOptionsArg<F extends ResultFamily> = Family<F>["resultParams"] extends readonly []
  ? [options?: ResultOptions<F>]
  : [options: ResultOptions<F>];

/** Options of `getLanguageResult`: the query its operation declares. */
export type LanguageResultOptions<F extends LanguageResultFamily> = CallOptions & {
  query?: QueryOf<GetOf<Family<F>["languageResult"]>> | undefined;
};

/** Options of `getTranscript`: the query its operation declares (the format, and text or a file URL). */
export type TranscriptOptions<F extends TranscriptFamily> = CallOptions & {
  query?: QueryOf<GetOf<Family<F>["transcript"]>> | undefined;
};

type Params = { path: Record<string, unknown>; query?: Record<string, unknown> | undefined };

// One GET of a JSON answer. The paths are a union over families, whose parameters TypeScript cannot tie to
// one computed path: the option types above check them per family instead.
function getJson(client: CambClient, path: string, params: Params, options: CallOptions) {
  const { signal, headers } = options;
  return client.GET(path as Family<ResultFamily>["result"], {
    params: params as never,
    parseAs: "json",
    signal,
    headers,
  });
}

/**
 * `GET <result>` as JSON (`output_type=file_url` where the family offers both forms). A family whose result
 * path takes more than the run id (`families[f].resultParams`, a target language) takes it as
 * `options.path`; any query the spec declares (an export format, word timings…) as `options.query`.
 */
export async function getResultJson<F extends ResultFamily>(
  client: CambClient,
  family: F,
  runId: number,
  ...[options]: ResultOptionsArg<F>
): Promise<FetchResult<ResultAnswer<F>, unknown>> {
  const entry: Family<ResultFamily> = families[family];
  const given: CallOptions & Partial<Params> = options ?? {};
  const query = { ...(entry.resultUrlByQuery ? { output_type: "file_url" } : {}), ...given.query };
  const result = await getJson(
    client,
    entry.result,
    { path: { ...given.path, run_id: runId }, query: Object.keys(query).length > 0 ? query : undefined },
    given,
  );
  return result as FetchResult<ResultAnswer<F>, unknown>;
}

/** `GET <languageResult>`: a family's result in one of its languages (a locale tag or a numeric id). */
export async function getLanguageResult<F extends LanguageResultFamily>(
  client: CambClient,
  family: F,
  runId: number,
  language: string | number,
  options: LanguageResultOptions<F> = {},
): Promise<FetchResult<LanguageResultAnswer<F>, unknown>> {
  const path = families[family].languageResult;
  const params = { path: { run_id: runId, language }, query: options.query };
  return (await getJson(client, path, params, options)) as FetchResult<LanguageResultAnswer<F>, unknown>;
}

/** `GET <transcript>`: the transcript of a run in one of its languages, in the format `options.query` asks. */
export async function getTranscript<F extends TranscriptFamily>(
  client: CambClient,
  family: F,
  runId: number,
  language: string | number,
  options: TranscriptOptions<F> = {},
): Promise<FetchResult<TranscriptAnswer<F>, unknown>> {
  const path = families[family].transcript;
  const params = { path: { run_id: runId, language }, query: options.query };
  return (await getJson(client, path, params, options)) as FetchResult<TranscriptAnswer<F>, unknown>;
}
