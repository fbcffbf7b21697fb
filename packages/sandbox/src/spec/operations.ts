import {
  deref,
  isObject,
  type Json,
  type JsonObject,
  pointerSegment,
  pointerTo,
  specDocument,
} from "./document.js";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
const METHODS: readonly HttpMethod[] = ["get", "post", "put", "patch", "delete"];

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** Pointer to the parameter's schema inside the spec (what the validator compiles). */
  schemaPointer: string;
  schema: JsonObject;
}

export interface BodySpec {
  required: boolean;
  mediaType: string;
  schemaPointer: string;
  schema: JsonObject;
}

export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** The path template as the spec spells it, e.g. `/tts/{task_id}`. */
  path: string;
  parameters: ParameterSpec[];
  body: BodySpec | undefined;
  /** Whether the API key header is required (global `security` unless the operation overrides it). */
  secured: boolean;
  /** Pointer to the operation object, for reading its responses. */
  pointer: string;
  node: JsonObject;
}

function parametersOf(operation: JsonObject, pathItem: JsonObject, base: string[]): ParameterSpec[] {
  const byKey = new Map<string, ParameterSpec>();
  const lists: [Json | undefined, string[]][] = [
    [pathItem.parameters, [...base.slice(0, -1), "parameters"]],
    [operation.parameters, [...base, "parameters"]],
  ];
  for (const [list, at] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry: Json, index: number) => {
      const found = deref(entry, pointerTo([...at, String(index)]));
      if (!found) return;
      const { node, pointer } = found;
      const schema = deref(node.schema, `${pointer}/schema`);
      const location = node.in as ParameterLocation;
      // Operation-level parameters override path-level ones with the same name and location.
      byKey.set(`${location}:${String(node.name)}`, {
        name: String(node.name),
        in: location,
        required: node.required === true,
        schemaPointer: `${pointer}/schema`,
        schema: schema?.node ?? {},
      });
    });
  }
  return [...byKey.values()];
}

function bodyOf(operation: JsonObject, base: string[]): BodySpec | undefined {
  const found = deref(operation.requestBody, pointerTo([...base, "requestBody"]));
  if (!found || !isObject(found.node.content)) return undefined;
  const [mediaType, media] = Object.entries(found.node.content)[0] ?? [];
  if (!mediaType || !isObject(media)) return undefined;
  const schemaPointer = `${found.pointer}/content/${pointerSegment(mediaType)}/schema`;
  return {
    required: found.node.required === true,
    mediaType,
    schemaPointer,
    schema: deref(media.schema, schemaPointer)?.node ?? {},
  };
}

function isSecured(operation: JsonObject): boolean {
  const security = operation.security ?? specDocument.security;
  return (
    Array.isArray(security) &&
    security.length > 0 &&
    security.every((r: Json) => isObject(r) && Object.keys(r).length > 0)
  );
}

function indexOperations(): Map<string, OperationSpec> {
  const operations = new Map<string, OperationSpec>();
  const paths = isObject(specDocument.paths) ? specDocument.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const base = ["paths", path, method];
      operations.set(operation.operationId, {
        operationId: operation.operationId,
        method,
        path,
        parameters: parametersOf(operation, pathItem, base),
        body: bodyOf(operation, base),
        secured: isSecured(operation),
        pointer: pointerTo(base),
        node: operation,
      });
    }
  }
  return operations;
}

/** Every operation of the spec, keyed by operationId. */
export const operations: ReadonlyMap<string, OperationSpec> = indexOperations();

/** Looks an operation up by operationId; throws if the spec no longer has it (a spec/sandbox mismatch). */
export function operation(operationId: string): OperationSpec {
  const found = operations.get(operationId);
  if (!found) throw new Error(`The spec has no operation "${operationId}"`);
  return found;
}

/** Finds the operation at a path template and method, e.g. the one a `families` entry names. */
export function operationAt(path: string, method?: HttpMethod): OperationSpec | undefined {
  for (const op of operations.values()) if (op.path === path && (!method || op.method === method)) return op;
  return undefined;
}

/** The header that carries the API key, from the spec's apiKey security scheme. */
export const apiKeyHeader: string = (() => {
  const schemes = isObject(specDocument.components) ? specDocument.components.securitySchemes : undefined;
  for (const scheme of Object.values(isObject(schemes) ? schemes : {})) {
    if (isObject(scheme) && scheme.type === "apiKey" && scheme.in === "header")
      return String(scheme.name).toLowerCase();
  }
  return "x-api-key";
})();

/** The schema of an operation's response for a status and media type, with `$ref`s followed. */
export function responseSchema(op: OperationSpec, status: string, mediaType: string): JsonObject | undefined {
  const responses = isObject(op.node.responses) ? op.node.responses : {};
  const response = deref(responses[status], `${op.pointer}/responses/${status}`);
  const content = response && isObject(response.node.content) ? response.node.content : {};
  const media = content[mediaType];
  return isObject(media) ? deref(media.schema, "")?.node : undefined;
}

/** The media types an operation's 200 response declares (e.g. the audio types of `/tts-stream`). */
export function responseMediaTypes(op: OperationSpec, status = "200"): string[] {
  const responses = isObject(op.node.responses) ? op.node.responses : {};
  const response = deref(responses[status], "");
  return response && isObject(response.node.content) ? Object.keys(response.node.content) : [];
}
