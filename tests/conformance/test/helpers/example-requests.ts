// A family's create request, built from the spec's own example (operationSchemas): a file part becomes a real
// file of the type its example name says, and a path parameter without an example takes the parent's run id.
import { type CambClient, families, getResultStream, type TaskFamily, unwrap } from "@camb-kit/client";
import { mediaTypes, operationSchemas } from "@camb-kit/client/spec";
import { createAndWait } from "@camb-kit/polling";

const poll = { intervalMs: 20, maxIntervalMs: 50 };

export interface ExampleRequest {
  body: Record<string, unknown>;
  /** The create path's parameters, for a family whose create takes a parent run. */
  path: Record<string, string | number> | undefined;
}

type Schema = { readonly [keyword: string]: unknown };

/** The media type the spec gives a file name's extension (`speech.wav` -> audio/wav). */
function mediaTypeOfName(name: string): string {
  const extension = name.slice(name.lastIndexOf(".") + 1);
  const found = Object.entries(mediaTypes).find(([, entry]) => entry.extension === extension);
  if (!found) throw new Error(`no media type in the spec has the extension of the example file ${name}`);
  return found[0];
}

/** The fields of a body schema that are file parts (`format: binary`). */
function fileFields(schema: Schema): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return Object.entries(properties)
    .filter(([, property]) => property.format === "binary")
    .map(([name]) => name);
}

/** The family whose result is a file of `type` and whose create takes plain JSON: a source of real files. */
function producerOf(type: string): TaskFamily | undefined {
  return (Object.keys(families) as TaskFamily[]).find((family) => {
    const entry = families[family];
    const body = operationSchemas[entry.operations.create].body;
    return entry.resultIsAudio && entry.resultMediaType === type && body?.contentType === "application/json";
  });
}

/** Real bytes for an example file part: text for a text type, another family's result for a media type. */
export class ExampleFiles {
  readonly #made = new Map<string, Promise<Blob>>();
  constructor(private readonly camb: CambClient) {}

  file(name: string): Promise<File> {
    const type = mediaTypeOfName(name);
    let made = this.#made.get(type);
    if (!made) {
      made = this.#make(type);
      this.#made.set(type, made);
    }
    return made.then((blob) => new File([blob], name, { type }));
  }

  async #make(type: string): Promise<Blob> {
    if (type.startsWith("text/")) return new Blob(["Once upon a time, a small fox found a lantern.\n"]);
    const producer = producerOf(type);
    if (!producer) throw new Error(`no family of the spec makes ${type} files for an example upload`);
    const example = operationSchemas[families[producer].operations.create].body?.example;
    const { runId } = await createAndWait(this.camb, producer as never, example as never, poll);
    const stream = unwrap(await getResultStream(this.camb, producer as never, runId as number));
    return new Response(stream).blob();
  }
}

/**
 * The example create request of `family`: the spec's example body with each file part made real, and the
 * path parameters from their examples or, when there is none, `parentRunId`.
 */
export async function exampleRequest(
  family: TaskFamily,
  files: ExampleFiles,
  parentRunId: () => Promise<number>,
): Promise<ExampleRequest> {
  const operation = operationSchemas[families[family].operations.create];
  if (!operation.body || operation.body.example === undefined) {
    throw new Error(`${families[family].operations.create} has no example request in the spec`);
  }
  const body = { ...(operation.body.example as Record<string, unknown>) };
  for (const field of fileFields(operation.body.schema)) {
    if (typeof body[field] === "string") body[field] = await files.file(body[field] as string);
  }
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === "path");
  if (pathParameters.length === 0) return { body, path: undefined };
  const path: Record<string, string | number> = {};
  for (const parameter of pathParameters) {
    path[parameter.name] =
      parameter.example === undefined ? await parentRunId() : (parameter.example as string | number);
  }
  return { body, path };
}

/** The example values of a family's result parameters (`{ target_language: 54 }`), from the spec. */
export function exampleResultParams(family: TaskFamily): Record<string, unknown> {
  const entry = families[family];
  if (!entry.operations.result) return {};
  const parameters = operationSchemas[entry.operations.result].parameters;
  const names = entry.resultParams as readonly string[];
  return Object.fromEntries(
    parameters.filter((p) => names.includes(p.name)).map((p) => [p.name, p.example] as const),
  );
}
