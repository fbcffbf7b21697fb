// Looks up the results of runs, in bulk (a map keyed by run id, or a list of results naming their run) or one
// by one; a failed lookup fails only its own ids.
import {
  type BulkResultFamily,
  type CambClient,
  type FetchResult,
  families,
  getResultJson,
  resultUrlOf,
  unwrap,
} from "@camb-kit/client";
import { MissingResultError } from "./errors.js";
import { withDownloadRetries } from "./retry-download.js";

/** Per run id: its result (the JSON, or a file result's URL form), or why there is none. */
export type ResultLookup = { runId: number; result: unknown } | { runId: number; error: unknown };

/** Per run id: the pre-signed URL of its file, or why there is none. */
export type UrlLookup = { runId: number; url: string } | { runId: number; error: unknown };

/** A file result's URL, out of its lookup. */
export function urlOf(lookup: ResultLookup): UrlLookup {
  if ("error" in lookup) return lookup;
  const url = resultUrlOf(lookup.result);
  return url
    ? { runId: lookup.runId, url }
    : { runId: lookup.runId, error: new MissingResultError(lookup.runId) };
}

/** The entry of a bulk answer for `runId`: a map's value under the id, or the list item naming that run. */
function entryFor(answer: unknown, runId: number, shape: "map" | "list" | null): unknown {
  if (shape === "list") {
    const items = Array.isArray(answer) ? (answer as { run_id?: unknown }[]) : [];
    return items.find((item) => item !== null && typeof item === "object" && item.run_id === runId);
  }
  const map = answer !== null && typeof answer === "object" ? (answer as Record<string, unknown>) : {};
  return Object.hasOwn(map, String(runId)) ? map[String(runId)] : undefined;
}

// Every bulk endpoint takes the spec's `RunIds` body; TypeScript cannot check one call against a union of paths.
function postBulk(client: CambClient, path: string, runIds: number[], signal: AbortSignal | undefined) {
  const loose = client as unknown as {
    POST(path: string, init: object): Promise<FetchResult<unknown, unknown>>;
  };
  return loose.POST(path, { body: { run_ids: [...runIds] }, signal });
}

/** One bulk call for a chunk of ids (within the family's bounds); a failed call fails each of its ids. */
export async function lookupBulk(
  client: CambClient,
  family: BulkResultFamily,
  runIds: number[],
  signal: AbortSignal | undefined,
  attempts: number,
): Promise<ResultLookup[]> {
  const { bulk, bulkShape } = families[family];
  try {
    // A bulk lookup only reads (a POST for its body's sake): a failure is safe to try again.
    const answer: unknown = await withDownloadRetries(
      async () => unwrap(await postBulk(client, bulk, runIds, signal)),
      attempts,
      signal,
    );
    return runIds.map((runId) => {
      // Runs that failed or are unknown are simply absent from the answer (see BulkSpeechResults).
      const result = entryFor(answer, runId, bulkShape);
      return result === undefined || result === null
        ? { runId, error: new MissingResultError(runId) }
        : { runId, result };
    });
  } catch (error) {
    return runIds.map((runId) => ({ runId, error }));
  }
}

/** The single-result endpoint for one id (`output_type=file_url` for a file result). */
export async function lookupSingle(
  client: CambClient,
  family: BulkResultFamily,
  runId: number,
  signal: AbortSignal | undefined,
  attempts: number,
): Promise<ResultLookup> {
  const getResult = getResultJson as (...args: unknown[]) => Promise<FetchResult<unknown, unknown>>;
  try {
    const result = await withDownloadRetries(
      async () => unwrap(await getResult(client, family, runId, { signal })),
      attempts,
      signal,
    );
    return result === null ? { runId, error: new MissingResultError(runId) } : { runId, result };
  } catch (error) {
    return { runId, error };
  }
}
