// useCamb()'s typed TanStack Query access (openapi-react-query), with errors thrown as CambApiError.
import { type CambApiError, type CambClient, type FetchResult, type paths, unwrap } from "@camb-kit/client";
import type {
  QueryClient,
  SkipToken,
  UseMutationOptions,
  UseMutationResult,
  UseQueryOptions,
  UseQueryResult,
  UseSuspenseQueryOptions,
  UseSuspenseQueryResult,
} from "@tanstack/react-query";
import type { Client, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import createQueryClient from "openapi-react-query";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";

/**
 * What a query or mutation of `useCamb()` fails with: a `CambApiError` for any non-2xx answer (status, body,
 * request id, method and path), or another `Error` for a network failure, a timeout or an abort.
 *
 * openapi-react-query alone throws the parsed error *body* and types it as the spec's error schema, which
 * loses the status code and is wrong for network errors (openapi-typescript #2238, #2151), and it lets an
 * empty error body through as success (#2070). We hand it a client that throws `CambApiError` instead.
 */
export type CambQueryError = CambApiError | Error;

type Init<Path extends keyof paths, Method extends HttpMethod> = MaybeOptionalInit<paths[Path], Method>;
type Data<Path extends keyof paths, Method extends HttpMethod, I> = Required<
  FetchResponse<paths[Path][Method & keyof paths[Path]] & Record<string | number, any>, I, MediaType>
>["data"];
type WithUnknowns<I> = I & { [key: string]: unknown };
type Select<TData, TSelect> = TSelect extends (data: TData) => infer R ? R : TData;

/** The query key `useCamb()` builds, as openapi-react-query does: `[method, path]` or `[method, path, init]`. */
export type CambQueryKey<Method extends HttpMethod, Path extends PathsWithMethod<paths, Method>> =
  | readonly [Method, Path]
  | readonly [Method, Path, unknown];

// The four signatures below are openapi-react-query's (0.5), with the error type replaced by CambQueryError.
type QueryOptionsOf<D, Method extends HttpMethod, Path extends PathsWithMethod<paths, Method>, S> = Omit<
  UseQueryOptions<D, CambQueryError, Select<D, S>, CambQueryKey<Method, Path>>,
  "queryKey" | "queryFn"
>;

type Args<I, O> = RequiredKeysOf<I> extends never ? [WithUnknowns<I>?, O?] : [WithUnknowns<I>, O?];
type ArgsWithClient<I, O> =
  RequiredKeysOf<I> extends never
    ? [WithUnknowns<I>?, O?, QueryClient?]
    : [WithUnknowns<I>, O?, QueryClient?];

export interface CambQueryClient {
  /** Options for `useQuery`, `useQueries`, `prefetchQuery` or `ensureQueryData`, keyed like `useQuery`. */
  queryOptions<
    Method extends HttpMethod,
    Path extends PathsWithMethod<paths, Method>,
    I extends Init<Path, Method>,
    O extends QueryOptionsOf<Data<Path, Method, I>, Method, Path, O["select"]>,
  >(
    method: Method,
    path: Path,
    ...args: Args<I, O>
  ): UseQueryOptions<
    Data<Path, Method, I>,
    CambQueryError,
    Select<Data<Path, Method, I>, O["select"]>,
    CambQueryKey<Method, Path>
  > & {
    queryFn: Exclude<
      UseQueryOptions<Data<Path, Method, I>, CambQueryError>["queryFn"],
      SkipToken | undefined
    >;
  };

  /** `useQuery` for one operation of the spec, e.g. `useQuery("get", "/list-voices")`. */
  useQuery<
    Method extends HttpMethod,
    Path extends PathsWithMethod<paths, Method>,
    I extends Init<Path, Method>,
    O extends QueryOptionsOf<Data<Path, Method, I>, Method, Path, O["select"]>,
  >(
    method: Method,
    path: Path,
    ...args: ArgsWithClient<I, O>
  ): UseQueryResult<Select<Data<Path, Method, I>, O["select"]>, CambQueryError>;

  /** `useSuspenseQuery` for one operation of the spec. */
  useSuspenseQuery<
    Method extends HttpMethod,
    Path extends PathsWithMethod<paths, Method>,
    I extends Init<Path, Method>,
    O extends Omit<
      UseSuspenseQueryOptions<
        Data<Path, Method, I>,
        CambQueryError,
        Select<Data<Path, Method, I>, O["select"]>
      >,
      "queryKey" | "queryFn"
    >,
  >(
    method: Method,
    path: Path,
    ...args: ArgsWithClient<I, O>
  ): UseSuspenseQueryResult<Select<Data<Path, Method, I>, O["select"]>, CambQueryError>;

  /** `useMutation` for one operation; `mutate(init)` takes what the openapi-fetch call takes. */
  useMutation<
    Method extends HttpMethod,
    Path extends PathsWithMethod<paths, Method>,
    I extends Init<Path, Method>,
    TOnMutateResult = unknown,
  >(
    method: Method,
    path: Path,
    options?: Omit<
      UseMutationOptions<Data<Path, Method, I>, CambQueryError, I, TOnMutateResult>,
      "mutationKey" | "mutationFn"
    >,
    queryClient?: QueryClient,
  ): UseMutationResult<Data<Path, Method, I>, CambQueryError, I, TOnMutateResult>;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
type Call = (path: string, init: unknown) => Promise<FetchResult<unknown, unknown>>;

/** A view of `client` whose calls throw `CambApiError` on any non-2xx answer, even one with an empty body. */
function throwingView(client: CambClient): Client<paths> {
  const view: Record<string, Call> = {};
  for (const method of METHODS) {
    const call = (client as unknown as Record<string, Call>)[method]!;
    view[method] = async (path, init) => {
      const result = await call(path, init);
      unwrap(result);
      return result;
    };
  }
  // openapi-react-query only calls the HTTP methods, and `CambClient` differs from openapi-fetch's
  // `Client<paths>` only in making `parseAs` required on audio endpoints; the cast is confined to here.
  return view as unknown as Client<paths>;
}

/** Builds the typed TanStack Query access `useCamb()` returns. One per client is enough (it keeps no state). */
export function createCambQueryClient(client: CambClient): CambQueryClient {
  // openapi-react-query's runtime (query keys, options, hooks); only the error type differs (CambQueryError),
  // so the signatures above describe this object exactly.
  return createQueryClient<paths>(throwingView(client)) as unknown as CambQueryClient;
}
