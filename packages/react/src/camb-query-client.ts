import { type CambApiError, type CambClient, type FetchResult, type paths, unwrap } from "@camb-kit/client";
import {
  type QueryClient,
  type QueryFunctionContext,
  type SkipToken,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSuspenseQueryOptions,
  type UseSuspenseQueryResult,
  useMutation,
  useQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";

/**
 * What a query or mutation of `useCamb()` fails with: a `CambApiError` for any non-2xx answer (status, body,
 * request id, method and path), or another `Error` for a network failure, a timeout or an abort.
 *
 * `useCamb()` has openapi-react-query's API, but openapi-react-query itself throws the parsed error *body* and
 * types it as the spec's error schema, which loses the status code and is wrong for network errors
 * (openapi-typescript #2238, #2151), and it lets an empty error body through as success (#2070). The few lines
 * at the end of this file do what it does, and throw `CambApiError` instead.
 */
export type CambQueryError = CambApiError | Error;

type Paths = paths;
type Init<Path extends keyof Paths, Method extends HttpMethod> = MaybeOptionalInit<Paths[Path], Method>;
type Data<Path extends keyof Paths, Method extends HttpMethod, I> = Required<
  FetchResponse<Paths[Path][Method & keyof Paths[Path]] & Record<string | number, any>, I, MediaType>
>["data"];
type WithUnknowns<I> = I & { [key: string]: unknown };
type Select<TData, TSelect> = TSelect extends (data: TData) => infer R ? R : TData;

/** The query key `useCamb()` builds, as openapi-react-query does: `[method, path]` or `[method, path, init]`. */
export type CambQueryKey<Method extends HttpMethod, Path extends PathsWithMethod<Paths, Method>> =
  | readonly [Method, Path]
  | readonly [Method, Path, unknown];

// The four signatures below are openapi-react-query's (0.5), with the error type replaced by CambQueryError.
type QueryOptionsOf<D, Method extends HttpMethod, Path extends PathsWithMethod<Paths, Method>, S> = Omit<
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
    Path extends PathsWithMethod<Paths, Method>,
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
    Path extends PathsWithMethod<Paths, Method>,
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
    Path extends PathsWithMethod<Paths, Method>,
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
    Path extends PathsWithMethod<Paths, Method>,
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

/** A query key at runtime: `[method, path]` or `[method, path, init]`. */
type Key = readonly [method: string, path: string, init?: object];
type Call = (path: string, init: unknown) => Promise<FetchResult<unknown, unknown>>;
type Options = object | undefined;

/** Calls one operation: its data, or `CambApiError` for any non-2xx answer (even one with an empty body). */
async function request(client: CambClient, method: string, path: string, init: unknown): Promise<unknown> {
  const call = (client as unknown as Record<string, Call>)[method.toUpperCase()]!;
  return unwrap(await call(path, init));
}

/** Builds the typed TanStack Query access `useCamb()` returns. One per client is enough (it keeps no state). */
export function createCambQueryClient(client: CambClient): CambQueryClient {
  // openapi-react-query 0.5's runtime (same query keys, options and hooks), on `request`. Depending on it would
  // add ~350 B min+gzip to every app, for error handling replaced here and a useInfiniteQuery not exposed.
  const queryFn = async ({ queryKey: [method, path, init], signal }: QueryFunctionContext<Key>) =>
    // TanStack Query takes no undefined data: an empty answer (204) is null.
    (await request(client, method, path, { signal, ...init })) ?? null;
  const queryOptions = (method: string, path: string, init?: object, options?: Options) => ({
    queryKey: (init === undefined ? [method, path] : [method, path, init]) as Key,
    queryFn,
    ...options,
  });
  const api = {
    queryOptions,
    useQuery: (method: string, path: string, init?: object, options?: Options, queryClient?: QueryClient) =>
      useQuery(queryOptions(method, path, init, options), queryClient),
    useSuspenseQuery: (
      method: string,
      path: string,
      init?: object,
      options?: Options,
      queryClient?: QueryClient,
    ) => useSuspenseQuery(queryOptions(method, path, init, options), queryClient),
    useMutation: (method: string, path: string, options?: Options, queryClient?: QueryClient) =>
      useMutation(
        {
          mutationKey: [method, path],
          mutationFn: (init) => request(client, method, path, init),
          ...options,
        },
        queryClient,
      ),
  };
  // The generic signatures of CambQueryClient describe these functions for every operation of the spec;
  // TypeScript cannot check them against one untyped implementation, so the cast is confined to here.
  return api as unknown as CambQueryClient;
}
