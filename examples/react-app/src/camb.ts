// The browser's CAMB client (pointed at this app's key-holding proxy, never a key) and the QueryClient.
import { createCambClient } from "@camb-kit/client";
import { createUploadFetch } from "@camb-kit/react";
import { QueryClient } from "@tanstack/react-query";

/**
 * The browser's client talks to this app's own server (server/camb-backend.ts), which adds the API key.
 * No key here, ever. Retries stay on for reads; task creation is never retried by the client. File uploads
 * go through XMLHttpRequest (createUploadFetch), the one browser API that reports upload progress; every
 * other call stays on fetch, so streamed responses still stream. The live sessions' WebSockets go to the
 * same place (`realtimeBaseUrl`): the proxy relays them to live TTS and to the realtime host.
 */
const proxy = new URL("/api/camb", window.location.origin).href;
export const camb = createCambClient({
  baseUrl: proxy,
  realtimeBaseUrl: proxy,
  fetch: createUploadFetch(),
});

export const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});
