// Looks up the pre-signed file URLs of runs, in bulk or one by one; a failed lookup fails only its own ids.
import {
  type BulkTaskFamily,
  type CambClient,
  getBulkResults,
  getResultJson,
  resultUrlOf,
  unwrap,
} from "@camb-kit/client";
import { MissingResultError } from "./errors.js";
import { withDownloadRetries } from "./retry-download.js";

/** Per run id: the pre-signed URL of its file, or why there is none. */
export type UrlLookup = { runId: number; url: string } | { runId: number; error: unknown };

/** One `POST /<family>-results` call for 2–5 ids; a failed call fails each of its ids, not the others. */
export async function lookupBulk(
  client: CambClient,
  family: BulkTaskFamily,
  runIds: number[],
  signal: AbortSignal | undefined,
  attempts: number,
): Promise<UrlLookup[]> {
  try {
    // A bulk lookup only reads (a POST for its body's sake): a failure is safe to try again.
    const byId = await withDownloadRetries(
      async () => unwrap(await getBulkResults(client, family, runIds, { signal })),
      attempts,
      signal,
    );
    return runIds.map((runId) => {
      // Runs that failed or are unknown are simply absent from the answer (see BulkSpeechResults).
      const url = resultUrlOf(byId[String(runId)]);
      return url ? { runId, url } : { runId, error: new MissingResultError(runId) };
    });
  } catch (error) {
    return runIds.map((runId) => ({ runId, error }));
  }
}

/** `GET /<family>-result/{run_id}?output_type=file_url` for one id. */
export async function lookupSingle(
  client: CambClient,
  family: BulkTaskFamily,
  runId: number,
  signal: AbortSignal | undefined,
  attempts: number,
): Promise<UrlLookup> {
  try {
    const result = await withDownloadRetries(
      async () => unwrap(await getResultJson(client, family, runId, { signal })),
      attempts,
      signal,
    );
    const url = resultUrlOf(result);
    return url ? { runId, url } : { runId, error: new MissingResultError(runId) };
  } catch (error) {
    return { runId, error };
  }
}
