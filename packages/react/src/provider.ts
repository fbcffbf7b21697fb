// CambProvider and the hooks that read it: useCambClient for direct calls, useCamb for typed queries.
import type { CambClient } from "@camb-kit/client";
import { createContext, createElement, type ReactElement, type ReactNode, useContext, useMemo } from "react";
import { type CambQueryClient, createCambQueryClient } from "./camb-query-client.js";

interface CambContextValue {
  client: CambClient;
  api: CambQueryClient;
}

const CambContext = createContext<CambContextValue | null>(null);

export interface CambProviderProps {
  /**
   * The client every hook below uses. In a browser, point it at your own backend (see `createCambProxy` in
   * @camb-kit/node) so the API key never reaches the page: `createCambClient({ baseUrl: "/api/camb" })`.
   */
  client: CambClient;
  children?: ReactNode;
}

/**
 * Makes a CAMB client available to the hooks. It brings no QueryClient of its own: place it inside your
 * app's `QueryClientProvider`, so CAMB queries share your cache, defaults and devtools.
 */
export function CambProvider({ client, children }: CambProviderProps): ReactElement {
  const value = useMemo(() => ({ client, api: createCambQueryClient(client) }), [client]);
  return createElement(CambContext.Provider, { value }, children);
}

function useCambContext(hook: string): CambContextValue {
  const value = useContext(CambContext);
  if (!value) throw new Error(`${hook} must be used inside <CambProvider client={...}>`);
  return value;
}

/** The client given to `CambProvider`, for direct calls (`client.GET(...)`, `createAndWait(client, ...)`). */
export function useCambClient(): CambClient {
  return useCambContext("useCambClient").client;
}

/**
 * Typed TanStack Query access to every operation of the spec, through openapi-react-query:
 * `useCamb().useQuery("get", "/list-voices")`, `useCamb().useMutation("post", "/text-to-sound")`,
 * `queryClient.prefetchQuery(useCamb().queryOptions(...))`. Errors are `CambQueryError`.
 */
export function useCamb(): CambQueryClient {
  return useCambContext("useCamb").api;
}
