// unwrap(): an openapi-fetch result's data, or a thrown CambApiError.
import { CambApiError } from "./errors/api-error.js";

/** What every openapi-fetch call resolves to. */
export interface FetchResult<Data, Err> {
  data?: Data;
  error?: Err;
  response: Response;
}

/**
 * Returns `data`, or throws a `CambApiError` for any non-2xx response. It checks `response.ok`, not just
 * `error`, so an error with an empty body (where openapi-fetch's `error` is `""`) is never mistaken for
 * success.
 */
export function unwrap<Data, Err>(result: FetchResult<Data, Err>): Exclude<Data, undefined> {
  if (!result.response.ok || result.error !== undefined) {
    throw CambApiError.fromResponse(result.response, result.error);
  }
  return result.data as Exclude<Data, undefined>;
}
