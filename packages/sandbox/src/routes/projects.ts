// Project setup: a Dubbing Studio project described from the create body (the status call lists the
// project's runs once it is set up; the result and the bulk call answer the same objects).
import type { Schemas } from "@camb-kit/client/spec";
import { resolveLanguage, resolveLanguages } from "../language/language-input.js";
import type { Json } from "../openapi/json.js";
import type { RunRecord } from "../state/tasks.js";
import { field, type RouteContext } from "./context.js";
import { runMedia } from "./run-media.js";

const text = (value: Json | undefined) => (typeof value === "string" ? value : null);
const integer = (value: Json | undefined) => (typeof value === "number" ? value : null);

/** `{ run_id, project_details }` of a set-up project. */
export async function projectSetupRun(context: RouteContext, run: RunRecord): Promise<Json> {
  const { input } = run;
  const media = await runMedia(context, run);
  const task = context.state.tasks.get(run.taskId);
  const answer: Schemas["ProjectSetupRun"] = {
    run_id: run.id,
    project_details: {
      project_name: text(field(input, "project_name")) ?? `Sandbox project ${run.id}`,
      project_description: text(field(input, "project_description")),
      created_at: new Date(task?.createdAt ?? 0).toISOString(),
      source_language: resolveLanguage(field(input, "source_language")).id,
      target_languages: resolveLanguages(field(input, "target_languages")).map(({ id }) => id),
      duration: media.seconds,
      folder_id: integer(field(input, "folder_id")),
      studio_url: `${context.options.origin}/studio/projects/${run.id}`,
    },
  };
  return answer as Json;
}
