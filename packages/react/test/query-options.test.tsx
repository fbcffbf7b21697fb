// The queryOptions factories with every TanStack entry point: useQuery, useQueries, prefetchQuery and
// useSuspenseQuery, for a status object, a list of runs, a failing task and a run's result.
import {
  type CambClient,
  createTask,
  families,
  type TaskFamily,
  type TaskStatusAnswer,
  unwrap,
} from "@camb-kit/client";
import { createAndWait, TaskProcessingError } from "@camb-kit/polling";
import {
  QueryClient,
  QueryClientProvider,
  useQueries,
  useQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { Suspense } from "react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { cambKeys, resultQueryOptions, taskStatusQueryOptions } from "../src/index.js";
import { renderCambHook, testClient } from "./helpers/render.js";
import { installSandbox, pathsSeen } from "./helpers/sandbox-server.js";

const quick = { intervalMs: 1, jitter: "none" as const };
const sound = { prompt: "rain on a tin roof" };

async function soundTask(): Promise<string> {
  return unwrap(await createTask(testClient(), "text-to-sound", sound)).task_id!;
}

function Status({ client, taskId }: { client: CambClient; taskId: string }) {
  const { data } = useSuspenseQuery(taskStatusQueryOptions(client, "text-to-sound", taskId, quick));
  return <p>status: {data.status}</p>;
}

describe("taskStatusQueryOptions", () => {
  it("polls with useQuery until SUCCESS, then stops", async () => {
    const sandbox = installSandbox({ pendingPolls: 2 });
    const taskId = await soundTask();
    const client = testClient();
    const { result } = renderCambHook(() =>
      useQuery(taskStatusQueryOptions(client, "text-to-sound", taskId, quick)),
    );
    await waitFor(() => expect(result.current.data?.status).toBe("SUCCESS"));
    expectTypeOf(result.current.data!.status).toEqualTypeOf<
      "PENDING" | "SUCCESS" | "ERROR" | "TIMEOUT" | "PAYMENT_REQUIRED"
    >();
    const polls = pathsSeen(sandbox).filter((path) => path === `/text-to-sound/${taskId}`);
    expect(polls).toHaveLength(3);
  });

  it("polls several tasks at once with useQueries", async () => {
    installSandbox({ pendingPolls: 1 });
    const ids = [await soundTask(), await soundTask()];
    const client = testClient();
    const { result } = renderCambHook(() =>
      useQueries({ queries: ids.map((id) => taskStatusQueryOptions(client, "text-to-sound", id, quick)) }),
    );
    await waitFor(() =>
      expect(result.current.map((query) => query.data?.status)).toEqual(["SUCCESS", "SUCCESS"]),
    );
    expect(result.current.every((query) => (query.data?.run_id ?? 0) > 0)).toBe(true);
  });

  it("prefetches into the cache under the key useCamb and the hooks share, typed by it", async () => {
    installSandbox({ pendingPolls: 0 });
    const taskId = await soundTask();
    const queryClient = new QueryClient();
    const options = taskStatusQueryOptions(testClient(), "text-to-sound", taskId);
    expect(options.queryKey).toEqual(cambKeys.taskStatus("text-to-sound", taskId));
    expect(options.queryKey).toEqual([
      "get",
      "/text-to-sound/{task_id}",
      { params: { path: { task_id: taskId } } },
    ]);
    await queryClient.prefetchQuery(options);
    const cached = queryClient.getQueryData(options.queryKey);
    expectTypeOf(cached).toEqualTypeOf<TaskStatusAnswer<"text-to-sound"> | undefined>();
    expect(cached).toMatchObject({ status: "SUCCESS" });
  });

  it("throws a failing status as its typed error (fetchQuery rejects, the query ends in error)", async () => {
    installSandbox({ pendingPolls: 0, outcome: "ERROR" });
    const taskId = await soundTask();
    const queryClient = new QueryClient();
    const options = taskStatusQueryOptions(testClient(), "text-to-sound", taskId);
    await expect(queryClient.fetchQuery(options)).rejects.toBeInstanceOf(TaskProcessingError);
    expect(queryClient.getQueryState(options.queryKey)?.status).toBe("error");
  });

  it("suspends with useSuspenseQuery until the first status, then keeps polling", async () => {
    installSandbox({ pendingPolls: 2 });
    const taskId = await soundTask();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Suspense fallback={<p>loading</p>}>
          <Status client={testClient()} taskId={taskId} />
        </Suspense>
      </QueryClientProvider>,
    );
    expect(screen.getByText("loading")).toBeDefined();
    await screen.findByText("status: PENDING");
    await screen.findByText("status: SUCCESS");
  });

  it("waits for a family whose status is a list of runs until it holds one", async () => {
    installSandbox({ pendingPolls: 1 });
    // Any family of that shape, read off the table.
    const family = (Object.keys(families) as TaskFamily[]).find(
      (name) => families[name].statusKind === "runs",
    );
    expect(family).toBeDefined();
    const { taskId, runId } = await createAndWait(
      testClient(),
      family as "project-setup",
      {
        media_url: "https://media.example/interview.mp3",
        source_language: "en-us",
        target_languages: ["es-es"],
      } as never,
      { intervalMs: 1, initialDelayMs: 0, jitter: "none" },
    );
    const queryClient = new QueryClient();
    const answer = await queryClient.fetchQuery(
      taskStatusQueryOptions(testClient(), family as "project-setup", taskId!),
    );
    expect(Array.isArray(answer)).toBe(true);
    expect(answer[0]?.run_id).toBe(runId);
  });
});

describe("resultQueryOptions", () => {
  it("fetches a run's JSON result once and keeps it (staleTime Infinity)", async () => {
    const sandbox = installSandbox({ pendingPolls: 0 });
    const { runId } = await createAndWait(testClient(), "text-to-sound", sound, {
      intervalMs: 1,
      initialDelayMs: 0,
    });
    const client = testClient();
    const first = renderCambHook(() => useQuery(resultQueryOptions(client, "text-to-sound", runId)));
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    expect(first.result.current.data).toMatchObject({ output_url: expect.stringMatching(/^https?:/) });
    const second = renderCambHook(() => useQuery(resultQueryOptions(client, "text-to-sound", runId)), {
      queryClient: first.queryClient,
    });
    expect(second.result.current.data).toEqual(first.result.current.data);
    const results = pathsSeen(sandbox).filter((path) => path === `/text-to-sound-result/${runId}`);
    expect(results).toHaveLength(1);
  });
});
