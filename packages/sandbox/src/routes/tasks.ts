import { families, type TaskFamily } from "@camb-kit/client";
import type { Json } from "../spec/document.js";
import { responseMediaTypes, responseSchema } from "../spec/operations.js";
import { mapValueSchema, urlObject } from "../spec/schema-shapes.js";
import type { OperationHandler, RouteContext } from "./context.js";
import { field } from "./context.js";
import { audio, detail, json } from "./respond.js";
import { EXTENSION_BY_TYPE, previewAudio, runAudio } from "./task-audio.js";

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

function publishRun(context: RouteContext, family: TaskFamily, runId: number, input: Json): string {
  const rendered = runAudio(family, input);
  const extension = EXTENSION_BY_TYPE[rendered.contentType] ?? "bin";
  return context.state.storage.publish(rendered, `${family}_${runId}.${extension}`);
}

function result(family: TaskFamily): OperationHandler {
  return (context) => {
    const { input, op } = context;
    const run = findRun(context, family, input.path.run_id);
    if (!run) return detail(400, `Run ${input.path.run_id} is not a finished ${family} run.`);
    const entry = families[family];
    const schema = responseSchema(op, "200", "application/json");
    if (!entry.resultIsAudio) {
      // JSON results (text-to-voice previews): every URL in the schema points at a real clip in storage.
      return json(
        urlObject(schema, (i) =>
          context.state.storage.publish(previewAudio(run.input, i), `preview_${run.id}_${i}.wav`),
        ),
      );
    }
    if (input.query.output_type === "file_url" && responseMediaTypes(op).includes("application/json"))
      return json(urlObject(schema, () => publishRun(context, family, run.id, run.input)));
    return audio(runAudio(family, run.input));
  };
}

function bulk(family: TaskFamily): OperationHandler {
  return (context) => {
    const ids = field(context.input.body, "run_ids");
    const valueSchema = mapValueSchema(responseSchema(context.op, "200", "application/json"));
    const answer: Record<string, Json> = {};
    // Unknown, unfinished and other-family runs are left out (the spec's reading of the docs' "clearly
    // indicated"); ids that repeat are answered once.
    for (const id of Array.isArray(ids) ? ids : []) {
      const run = findRun(context, family, id);
      if (run)
        answer[String(run.id)] = urlObject(valueSchema, () => publishRun(context, family, run.id, run.input));
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
