// Shared test body: project setup, whose status is a list of runs (empty until the project exists), its
// result and its bulk answer (an array, unlike every other bulk call), and unknown or foreign runs.
import { describe, expect, test } from "vitest";
import { expectDeclaredAnswer, runFamily, sandboxPerTest, speechUrl } from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation } from "../helpers/operation-call.js";
import { decodedSeconds, download } from "../helpers/result-files.js";

type ProjectRun = { run_id: number; project_details: Record<string, unknown> };

export function projectSuite(harness: Harness): void {
  describe(`project setup, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    /** A project-setup task polled to its runs: every status answer, in order. */
    async function setUp(base: string, body: Record<string, unknown>) {
      const created = await callOperation<{ task_id: string }>(base, "createProjectSetupTask", { body });
      expect(created.status).toBe(200);
      const path = { task_id: created.body.task_id };
      const statuses: ProjectRun[][] = [];
      while (statuses.at(-1)?.length !== 1 && statuses.length < 5)
        statuses.push((await callOperation<ProjectRun[]>(base, "getProjectSetupTaskStatus", { path })).body);
      return statuses;
    }

    test("the status is [] until the project exists, then [{ run_id, project_details }]; result and bulk answer the same", async () => {
      const base = await start();
      const media_url = await speechUrl(base, "A short clip for the studio.");
      const body = {
        media_url,
        source_language: 1,
        target_languages: [54, "fr-fr"],
        project_name: "Trailer",
      };
      const statuses = await setUp(base, body);
      expect(statuses.map((answer) => answer.length)).toEqual([0, 1]);
      const project = statuses[1]?.[0] as ProjectRun;
      expect(project.project_details).toMatchObject({
        project_name: "Trailer",
        source_language: 1,
        target_languages: [54, 76],
        folder_id: null,
      });
      // The sandbox read the clip at media_url: the project lasts as long as the clip decodes.
      const clip = await download(media_url, "flac");
      expect(project.project_details.duration).toBeCloseTo(decodedSeconds(clip.path), 6);

      const result = await callOperation<ProjectRun>(base, "getProjectSetupResult", {
        path: { run_id: project.run_id },
      });
      expect(result.body).toEqual(project);

      const second = (await setUp(base, { ...body, project_name: "Teaser" })).at(-1)?.[0] as ProjectRun;
      const bulk = await callOperation<ProjectRun[]>(base, "getProjectSetupResults", {
        body: { run_ids: [project.run_id, second.run_id] },
      });
      expect(Array.isArray(bulk.body)).toBe(true);
      expect(bulk.body.map((run) => run.project_details.project_name)).toEqual(["Trailer", "Teaser"]);
    });

    test("the result of a run of another kind is a 400, of an unknown run a 404, as the spec declares", async () => {
      const base = await start();
      const translation = await runFamily(base, "translation", {
        body: { texts: ["Hi."], source_language: 1, target_language: 54 },
      });
      const foreign = await callOperation(base, "getProjectSetupResult", {
        path: { run_id: translation.runId },
      });
      expect(foreign.status).toBe(400);
      expectDeclaredAnswer("getProjectSetupResult", 400, foreign.body);
      const unknown = await callOperation(base, "getProjectSetupResult", { path: { run_id: 999_999 } });
      expect(unknown.status).toBe(404);
      expectDeclaredAnswer("getProjectSetupResult", 404, unknown.body);
    });
  });
}
