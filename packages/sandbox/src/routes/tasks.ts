// The handlers of a task family's roles (create, status, result, bulk), driven by the generated families
// table: any family the spec declares is served, its result in the media type the spec gives it.
import { extensionOf, families, type TaskFamily } from "@camb-kit/client/spec";
import type { RenderedAudio } from "../audio/render.js";
import type { Json } from "../openapi/json.js";
import { mapValueSchema, urlObject } from "../openapi/schema-shapes.js";
import type { OperationHandler, RouteContext } from "./context.js";
import { field } from "./context.js";
import { audio, detail, json } from "./respond.js";
import { previewAudio, runAudio } from "./task-audio.js";

export type TaskRole = "create" | "status" | "result" | "bulk";

function create(family: TaskFamily): OperationHandler {
  return ({ state, input }) => json({ task_id: state.createTask(family, input.body ?? null).id });
}

function status(family: TaskFamily): OperationHandler {
  return ({ state, input, options }) => {
    const task = state.tasks.get(String(input.path.task_id));
    if (!task || task.family !== family) return detail(404, "Task not found");
    return json(state.pollTask(task, options));
  };
}

/** The run for an id, if it is a finished run of this family; the spec's 400 otherwise. */
function findRun({ state }: RouteContext, family: TaskFamily, id: Json | undefined) {
  const run = state.runs.get(Number(id));
  return run && run.family === family ? run : undefined;
}

/** Puts rendered media in storage under a name with the extension of its media type. */
function publish(context: RouteContext, rendered: RenderedAudio, name: string): string {
  return context.state.storage.publish(rendered, `${name}.${extensionOf(rendered.contentType) ?? "bin"}`);
}

const successJson = (context: RouteContext) => context.schemas.responses["200"]?.["application/json"];

function result(family: TaskFamily): OperationHandler {
  return (context) => {
    const { input } = context;
    const run = findRun(context, family, input.path.run_id);
    if (!run) return detail(400, `Run ${input.path.run_id} is not a finished ${family} run.`);
    const entry = families[family];
    const schema = successJson(context);
    if (!entry.resultIsAudio) {
      // JSON results (text-to-voice previews): every URL in the schema points at a real clip in storage.
      return json(
        urlObject(schema, (i) => publish(context, previewAudio(run.input, i), `preview_${run.id}_${i}`)),
      );
    }
    if (input.query.output_type === "file_url" && schema)
      return json(
        urlObject(schema, () => publish(context, runAudio(family, run.input), `${family}_${run.id}`)),
      );
    return audio(runAudio(family, run.input));
  };
}

function bulk(family: TaskFamily): OperationHandler {
  return (context) => {
    const ids = field(context.input.body, "run_ids");
    const valueSchema = mapValueSchema(successJson(context));
    const answer: Record<string, Json> = {};
    // Unknown, unfinished and other-family runs are left out (the spec's reading of the docs' "clearly
    // indicated"); ids that repeat are answered once.
    for (const id of Array.isArray(ids) ? ids : []) {
      const run = findRun(context, family, id);
      if (run)
        answer[String(run.id)] = urlObject(valueSchema, () =>
          publish(context, runAudio(family, run.input), `${family}_${run.id}`),
        );
    }
    return json(answer);
  };
}

/** The handler for one role of a task family (roles and paths come from the generated `families` table). */
export function taskHandler(family: TaskFamily, role: TaskRole): OperationHandler {
  switch (role) {
    case "create":
      return create(family);
    case "status":
      return status(family);
    case "result":
      return result(family);
    case "bulk":
      return bulk(family);
  }
}
