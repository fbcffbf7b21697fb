// useCamb: typed queries and mutations on the sandbox, errors as CambApiError, and a missing provider.
import { CambApiError } from "@camb-kit/client";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type CambQueryError, useCamb, useCambClient } from "../src/index.js";
import { renderCambHook, testClient } from "./helpers/render.js";
import { installSandbox } from "./helpers/sandbox-server.js";

describe("useCamb", () => {
  it("queries any operation of the spec, typed by it", async () => {
    installSandbox();
    const { result } = renderCambHook(() => useCamb().useQuery("get", "/list-voices"));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const voices = result.current.data!;
    expect(voices.length).toBeGreaterThan(0);
    expect(voices[0]).toMatchObject({ id: expect.any(Number), voice_name: expect.any(String) });
    expectTypeOf(voices[0]!.id).toEqualTypeOf<number>();
    expectTypeOf(result.current.error).toEqualTypeOf<CambQueryError | null>();
  });

  it("fails with CambApiError (status, body, path), not a bare error body", async () => {
    installSandbox({ apiKeys: ["the-right-key"] });
    const { result } = renderCambHook(() => useCamb().useQuery("get", "/list-voices"), {
      client: testClient("a-wrong-key"),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error as CambApiError;
    expect(error).toBeInstanceOf(CambApiError);
    expect(error.status).toBe(401);
    expect(error.path).toBe("/list-voices");
    expect(error.message).not.toContain("a-wrong-key");
  });

  it("runs mutations with the operation's typed body", async () => {
    const sandbox = installSandbox();
    const { result } = renderCambHook(() => useCamb().useMutation("post", "/text-to-sound"));
    let taskId: string | null | undefined;
    await act(async () => {
      const created = await result.current.mutateAsync({ body: { prompt: "a door creaks" } });
      taskId = created.task_id;
    });
    expect(taskId).toEqual(expect.any(String));
    expect(sandbox.requests.at(-1)).toMatchObject({ method: "POST" });
  });

  it("builds query options usable with the app's QueryClient", async () => {
    installSandbox();
    const { result, queryClient } = renderCambHook(() => useCamb());
    const options = result.current.queryOptions("get", "/source-languages");
    expect(options.queryKey).toEqual(["get", "/source-languages"]);
    const languages = await queryClient.fetchQuery(options);
    expect(Array.isArray(languages)).toBe(true);
  });

  it("says where the provider is missing", () => {
    expect(() => renderHook(() => useCamb())).toThrow(/inside <CambProvider/);
    expect(() => renderHook(() => useCambClient())).toThrow(/useCambClient must be used inside/);
  });
});
