// The CambClient type: openapi-fetch's client for the spec, with `parseAs` required on binary answers.
import type { Client, FetchResponse, MaybeOptionalInit, ParseAs } from "openapi-fetch";
import type {
  FilterKeys,
  HttpMethod,
  MediaType,
  PathsWithMethod,
  RequiredKeysOf,
} from "openapi-typescript-helpers";
import type { paths } from "./generated/schema.js";
import type { UploadPaths } from "./multipart/upload-types.js";

type SuccessContent<Operation> = Operation extends { responses: { 200: { content: infer Content } } }
  ? Content
  : never;

/** True when an operation's success response has any content type other than JSON (i.e. audio). */
export type IsBinaryOperation<Operation> = [
  Exclude<keyof SuccessContent<Operation>, "application/json">,
] extends [never]
  ? false
  : true;

/** The paths whose `Method` operation can answer with audio, read from the spec (no list kept by hand). */
export type BinaryPaths<Method extends HttpMethod, Paths extends {} = paths> = {
  [Path in PathsWithMethod<Paths, Method>]: IsBinaryOperation<FilterKeys<Paths[Path], Method>> extends true
    ? Path
    : never;
}[PathsWithMethod<Paths, Method>];

// openapi-fetch's own rule: the init argument is optional only when nothing in it is required.
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];

type Response<Operation, Init> =
  Operation extends Record<string | number, any> ? FetchResponse<Operation, Init, MediaType> : never;

/**
 * openapi-fetch's method signature, with one change: on an operation that answers with audio, `parseAs` is
 * required. openapi-fetch parses JSON by default, so a forgotten `parseAs: "stream"` would otherwise fail at
 * run time with "Unexpected token"; here it fails to compile.
 */
export type CambMethod<Method extends HttpMethod, Paths extends {} = paths> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method & keyof Paths[Path]> &
    (Path extends BinaryPaths<Method, Paths> ? { parseAs: ParseAs } : unknown),
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<Response<FilterKeys<Paths[Path], Method>, Init>>;

/** An openapi-fetch client for the CAMB spec. Everything documented for openapi-fetch applies. */
export interface CambClient extends Omit<Client<paths>, "GET" | "POST"> {
  GET: CambMethod<"get">;
  /** Multipart file parts also take a `StreamedFile` (a one-shot stream, sent once, never retried). */
  POST: CambMethod<"post", UploadPaths<paths>>;
}
