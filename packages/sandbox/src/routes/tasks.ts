// The handlers of a task family's roles (create, status, result, bulk, transcript), driven by the generated
// families table: any family the spec declares is served, its result in the media type the spec gives it.
// An operation shared by several families (translated speech's result is `/tts-result`) serves them all;
// resources that answer differently plug in through family-routes.ts.
import { extensionOf, families, type Schema, type TaskFamily } from "@camb-kit/client/spec";
import type { RenderedAudio } from "../audio/render.js";
import type { Json } from "../openapi/json.js";
import { mapValueSchema, urlObject } from "../openapi/schema-shapes.js";
import type { RunRecord } from "../state/tasks.js";
import type { OperationHandler, RouteContext } from "./context.js";
import { field } from "./context.js";
import { RESULTS, ROLE_HANDLERS } from "./family-routes.js";
import { audio, detail, json } from "./respond.js";
import { previewAudio, runAudio } from "./task-audio.js";

/** One `x-camb-task` declaration of an operation, as the generated operations table gives it. */
export interface TaskDeclaration {
  readonly family: string;
  readonly role: "create" | "status" | "result" | "bulk" | "transcript";
  readonly scope: "language" | null;
}

/** The run for an id, if it is a finished run of one of these families; undefined otherwise. */
function findRun({ state }: RouteContext, names: readonly TaskFamily[], id: Json | undefined) {
  const run = state.runs.get(Number(id));
  return run && names.includes(run.family) ? run : undefined;
}

/** Puts rendered media in storage under a name with the extension of its media type. */
function publish(context: RouteContext, rendered: RenderedAudio, name: string): string {
  return context.state.storage.publish(rendered, `${name}.${extensionOf(rendered.contentType) ?? "bin"}`);
}

const successJson = (context: RouteContext) => context.schemas.responses["200"]?.["application/json"];

/**
 * A run's JSON result: its resource's own (family-routes.ts), else the spec's schema with every URL pointing
 * at a real file in storage (the run's audio for audio families, clips otherwise).
 */
async function resultJson(context: RouteContext, run: RunRecord, schema: Schema | undefined) {
  const maker = RESULTS[run.family];
  if (maker) return maker(context, run);
  if (families[run.family].resultIsAudio)
    return urlObject(schema, () =>
      publish(context, runAudio(run.family, run.input), `${run.family}_${run.id}`),
    );
  return urlObject(schema, (i) => publish(context, previewAudio(run.input, i), `preview_${run.id}_${i}`));
}

function create(family: TaskFamily): OperationHandler {
  const { parent, createParams } = families[family];
  return (context) => {
    const { state, input } = context;
    // A create that takes a parent run (a dub's other format, a story's translation) needs that run finished.
    if (parent !== null) {
      const id = input.path[createParams[0] ?? ""];
      if (!findRun(context, [parent], id)) return detail(400, `Run ${id} is not a finished ${parent} run.`);
    }
    return json({ task_id: state.createTask(family, input.body ?? null).id });
  };
}

function status(names: readonly TaskFamily[]): OperationHandler {
  const { statusParam, statusKind } = families[names[0] as TaskFamily];
  return async (context) => {
    const { state, input, options } = context;
    const task = state.tasks.get(String(input.path[statusParam]));
    if (!task || !names.includes(task.family)) return detail(404, "Task not found");
    const answer = state.pollTask(task, options);
    if (statusKind === "task") return json(answer);
    // A status that is a list of runs (project setup) is empty until the task has succeeded.
    const run = answer.status === "SUCCESS" ? state.runs.get(answer.run_id ?? 0) : undefined;
    if (!run) return json([]);
    const item = await resultJson(
      context,
      run,
      (successJson(context)?.items ?? undefined) as Schema | undefined,
    );
    return item instanceof Response ? item : json([item]);
  };
}

function result(names: readonly TaskFamily[]): OperationHandler {
  return async (context) => {
    const { input, state, schemas } = context;
    const run = findRun(context, names, input.path.run_id);
    if (!run) {
      // An operation that tells an unknown run from one of another kind declares a 404 for it (project setup).
      const status = !state.runs.has(Number(input.path.run_id)) && schemas.responses["404"] ? 404 : 400;
      return detail(status, `Run ${input.path.run_id} is not a finished ${names.join(" or ")} run.`);
    }
    const schema = successJson(context);
    if (families[run.family].resultIsAudio && input.query.output_type !== "file_url")
      return audio(runAudio(run.family, run.input));
    const made = await resultJson(context, run, schema);
    return made instanceof Response ? made : json(made);
  };
}

function bulk(names: readonly TaskFamily[]): OperationHandler {
  return async (context) => {
    const ids = field(context.input.body, "run_ids");
    const schema = successJson(context);
    const list = families[names[0] as TaskFamily].bulkShape === "list";
    const valueSchema = (list ? schema?.items : mapValueSchema(schema)) as Schema | undefined;
    const answer: [string, Json][] = [];
    // Unknown, unfinished and other-family runs are left out (the spec's reading of the docs' "clearly
    // indicated"); the ids are unique (the spec's RunIds refuses repeats).
    for (const id of Array.isArray(ids) ? ids : []) {
      const run = findRun(context, names, id);
      if (!run) continue;
      const made = await resultJson(context, run, valueSchema);
      if (!(made instanceof Response)) answer.push([String(run.id), made]);
    }
    return json(list ? answer.map(([, value]) => value) : Object.fromEntries(answer));
  };
}

function notServed(role: string, names: readonly string[]): OperationHandler {
  return () => detail(501, `The camb-kit sandbox does not serve the ${role} of ${names.join(", ")} yet.`);
}

/** The handler for an operation's task roles (every declaration of one operation has the same role). */
export function taskHandler(declarations: readonly TaskDeclaration[]): OperationHandler {
  const names = declarations.map((declaration) => declaration.family as TaskFamily);
  const [first] = declarations;
  if (!first) throw new RangeError("taskHandler needs at least one x-camb-task declaration");
  const own = ROLE_HANDLERS[names[0] as TaskFamily]?.[first.role];
  if (own) return own;
  switch (first.role) {
    case "create":
      return create(names[0] as TaskFamily);
    case "status":
      return status(names);
    case "result":
      return result(names);
    case "bulk":
      return bulk(names);
    case "transcript":
      return notServed("transcript", names);
  }
}
