// @vitest-environment happy-dom
// useCreateAndWait and useResultAudio over the invented family, against the fixture sandbox's msw handlers:
// the React hooks need no edit for a family they have never seen either.
import { createCambClient } from "@camb-kit/client";
import { CambProvider, useCreateAndWait, useResultAudio } from "@camb-kit/react";
import { createSandbox } from "@camb-kit/sandbox";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { FAMILY, jingle, TEST_KEY } from "./helpers/world.js";

const BASE_URL = "http://camb.test/apis";
const sandbox = createSandbox({ baseUrl: BASE_URL, pendingPolls: 1 });
const server = setupServer(...sandbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => cleanup());
afterAll(() => server.close());

function wrapper({ children }: { children: ReactNode }) {
  const client = createCambClient({ apiKey: TEST_KEY, baseUrl: BASE_URL, retry: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={queryClient}>
      <CambProvider client={client}>{children}</CambProvider>
    </QueryClientProvider>
  );
}

test("useCreateAndWait creates and waits for a task of the family; useResultAudio gets its audio", async () => {
  const { result } = renderHook(
    () => {
      const task = useCreateAndWait({ family: FAMILY, intervalMs: 10, maxIntervalMs: 20 });
      const audio = useResultAudio({ family: FAMILY, runId: task.data?.runId });
      return { task, audio };
    },
    { wrapper },
  );
  act(() => result.current.task.mutate({ body: { prompt: "a jingle in the browser", duration: 1 } }));
  await waitFor(() => expect(result.current.task.isSuccess).toBe(true), { timeout: 10_000 });
  expect(result.current.task.data).toMatchObject({ taskId: expect.any(String), runId: expect.any(Number) });
  await waitFor(() => expect(result.current.audio.blob).toBeDefined(), { timeout: 10_000 });
  expect(result.current.audio.blob?.type).toBe(jingle.resultMediaType);
  const paths = sandbox.requests.map((request) => new URL(request.url).pathname.replace(/^\/apis/, ""));
  expect(paths[0]).toBe(jingle.create);
  expect(paths.at(-1)).toBe(`/text-to-jingle-result/${result.current.task.data?.runId}`);
});
