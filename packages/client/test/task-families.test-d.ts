// Type tests of createTask and getTaskStatus over the table's irregular shapes, families picked by their
// table entries (never by name): a parent run's path is required, a wrong body fails, answers are the spec's.
import { describe, expectTypeOf, test } from "vitest";
import {
  type CambClient,
  type CreatableTaskFamily,
  type CreateTaskAnswer,
  type CreateTaskBody,
  type CreateTaskPath,
  createCambClient,
  createdTaskId,
  createTask,
  type FinishedCreateAnswer,
  type FinishingTaskFamily,
  type families,
  getTaskStatus,
  type ParentRunTaskFamily,
  type RunsStatusTaskFamily,
  type Schemas,
  type StatusTaskFamily,
  type TaskFamily,
  type TaskStatusAnswer,
} from "../src/index.js";

const camb: CambClient = createCambClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" });

/** One member of a union (whichever TypeScript puts last): a single family of a shape, without its name. */
type UnionToIntersection<U> = (U extends unknown ? (x: () => U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type OneOf<U> = UnionToIntersection<U> extends () => infer Last ? Last : never;

type Where<Test> = {
  [F in TaskFamily]: (typeof families)[F] extends Test ? F : never;
}[TaskFamily];
type Parent = OneOf<ParentRunTaskFamily>;
type Multipart = OneOf<Where<{ createBody: "multipart" }>>;
type Plain = OneOf<Where<{ createBody: "json"; createParams: readonly [] }>>;

declare const parent: Parent;
declare const parentBody: CreateTaskBody<Parent>;
declare const parentPath: CreateTaskPath<Parent>;
declare const plain: Plain;
declare const plainBody: CreateTaskBody<Plain>;
declare const multipart: Multipart;
declare const multipartBody: CreateTaskBody<Multipart>;
declare const any: CreatableTaskFamily;
declare const task: StatusTaskFamily;
declare const runs: RunsStatusTaskFamily;

describe("createTask over every shape", () => {
  test("a parent-run family needs options.path, with its own parameters", () => {
    expectTypeOf<ParentRunTaskFamily>().toExtend<CreatableTaskFamily>();
    expectTypeOf<CreateTaskPath<Parent>>().not.toBeNever();
    void createTask(camb, parent, parentBody, { path: parentPath });
    // @ts-expect-error: the parent run's parameters are required
    void createTask(camb, parent, parentBody);
    // @ts-expect-error: an options object without `path` is refused too
    void createTask(camb, parent, parentBody, { signal: AbortSignal.timeout(1) });
    // @ts-expect-error: `path` must hold the parameters the create path takes
    void createTask(camb, parent, parentBody, { path: { not_a_parameter: 1 } });
  });

  test("a union that holds a parent-run family needs the path as well", () => {
    // @ts-expect-error: `any` may be a parent-run family
    void createTask(camb, any, {} as CreateTaskBody<CreatableTaskFamily>);
  });

  test("a family without a parent run takes no path", () => {
    void createTask(camb, plain, plainBody);
    // @ts-expect-error: nothing to fill in
    void createTask(camb, plain, plainBody, { path: parentPath });
  });

  test("a wrong body fails to compile, JSON or multipart", () => {
    // @ts-expect-error: not a field of the family's body
    void createTask(camb, plain, { ...plainBody, definitely_not_a_field: 1 });
    // @ts-expect-error: not a field of the family's form
    void createTask(camb, multipart, { ...multipartBody, definitely_not_a_field: 1 });
    // @ts-expect-error: not a field of the parent-run family's body
    void createTask(camb, parent, { ...parentBody, definitely_not_a_field: 1 }, { path: parentPath });
  });

  test("a multipart body's file parts take a Blob or a StreamedFile", () => {
    type Parts<Body> = { [K in keyof Body]-?: Blob extends NonNullable<Body[K]> ? K : never }[keyof Body];
    expectTypeOf<Parts<CreateTaskBody<Multipart>>>().not.toBeNever();
  });

  test("the answer is the spec's, and createdTaskId reads it", async () => {
    const { data } = await createTask(camb, plain, plainBody);
    expectTypeOf(data).toEqualTypeOf<CreateTaskAnswer<Plain> | undefined>();
    expectTypeOf(createdTaskId(data)).toEqualTypeOf<string | undefined>();
  });

  test("a finishing family's finished answer is the create answer without a task id", () => {
    type Finishing = OneOf<FinishingTaskFamily>;
    expectTypeOf<FinishedCreateAnswer<Finishing>>().not.toBeNever();
    expectTypeOf<FinishedCreateAnswer<Finishing>>().not.toExtend<{ task_id: unknown }>();
    expectTypeOf<FinishedCreateAnswer<Plain>>().toBeNever();
  });
});

describe("getTaskStatus over both status shapes", () => {
  test("a status object, or the list of runs", async () => {
    expectTypeOf((await getTaskStatus(camb, task, "t")).data).toEqualTypeOf<
      Schemas["TaskStatusResult"] | undefined
    >();
    expectTypeOf<TaskStatusAnswer<RunsStatusTaskFamily>>().toEqualTypeOf<Schemas["ProjectSetupRun"][]>();
    expectTypeOf((await getTaskStatus(camb, runs, "t")).data).toEqualTypeOf<
      TaskStatusAnswer<RunsStatusTaskFamily> | undefined
    >();
  });
});
