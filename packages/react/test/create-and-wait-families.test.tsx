// useCreateAndWait beyond a plain JSON task: a parent run in the path, a create call that answers the
// finished files, and the types that follow polling's createAndWait for each family.
import { families, type TaskFamily } from "@camb-kit/client";
import { createAndWait } from "@camb-kit/polling";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type CreateAndWaitVariables, useCreateAndWait } from "../src/index.js";
import { renderCambHook, testClient } from "./helpers/render.js";
import { installSandbox, pathsSeen } from "./helpers/sandbox-server.js";

const quick = { intervalMs: 1, initialDelayMs: 0, jitter: "none" as const };

/** A finished dub into Spanish, the parent run of the family below. */
async function dubRun(): Promise<number> {
  const body = {
    video_url: "https://media.example/talk.mp4",
    source_language: "en-us",
    target_languages: ["es-es"],
  };
  const { runId } = await createAndWait(testClient(), "dub", body, quick);
  return runId;
}

describe("useCreateAndWait for every shape of family", () => {
  it("takes a parent run as `path`, and resolves with the files a create-or-ready family answers", async () => {
    const sandbox = installSandbox({ pendingPolls: 1 });
    const parent = await dubRun();
    // The family whose create path takes a parent run and which has no result endpoint, read off the table.
    const family = (Object.keys(families) as TaskFamily[]).find(
      (name) =>
        families[name].parent !== null && families[name].createMayFinish && families[name].result === null,
    ) as "dub-alt-format";
    expect(family).toBeDefined();
    const { result } = renderCambHook(() => useCreateAndWait({ family, ...quick }));
    const variables = {
      body: { output_format: "wav" as const },
      path: { run_id: parent, language: "es-es" },
    };

    const first = await result.current.mutateAsync(variables);
    expect(first.taskId).toEqual(expect.any(String));
    expect(first.finished).toMatchObject({ output_url: expect.stringMatching(/^https?:/) });
    expect(pathsSeen(sandbox)).toContain(`/dub-alt-format/${parent}/es-es`);

    // Converted once, the same call answers the file at once: nothing to wait for.
    const polls = pathsSeen(sandbox).length;
    const second = await result.current.mutateAsync(variables);
    expect(second.taskId).toBeUndefined();
    expect(second.status).toBeUndefined();
    expect(second.finished).toMatchObject({ output_url: expect.stringMatching(/^https?:/) });
    expect(pathsSeen(sandbox).slice(polls)).toEqual([`/dub-alt-format/${parent}/es-es`]);
  });

  it("requires `path` exactly for parent-run families, by polling's own types", () => {
    expectTypeOf<CreateAndWaitVariables<"dub-alt-format">>().toHaveProperty("path");
    expectTypeOf<{ body: { output_format: "wav" } }>().not.toMatchTypeOf<
      CreateAndWaitVariables<"dub-alt-format">
    >();
    expectTypeOf<{ body: { prompt: string } }>().toMatchTypeOf<CreateAndWaitVariables<"text-to-sound">>();
    expectTypeOf<CreateAndWaitVariables<"transcription">["body"]>().toHaveProperty("media_file");
  });
});
