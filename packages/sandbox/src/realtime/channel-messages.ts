// Reads a channel's client messages and query parameters against the generated schemas (ajv), the member of
// a message union picked by its `type`, so a bad frame is refused with what is wrong with it.
import { type ChannelId, channelSchemas, channels, type Schema } from "@camb-kit/client/spec";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { coerceText, propertySchema } from "../openapi/coerce.js";
import { toValidationIssues, type ValidationIssue } from "../openapi/fastapi-errors.js";
import { isObject, type Json, type JsonObject } from "../openapi/json.js";

/** JSON Schema 2020-12 as openapi/validate.ts compiles it: references already followed, unknown keywords ignored. */
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);

const compiled = new WeakMap<Schema, ValidateFunction>();
function validatorFor(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Issues as one line: `voice_id: Field required; language: String should match pattern …`. */
function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(({ loc, msg }) => (loc.length > 0 ? `${loc.join(".")}: ${msg}` : msg)).join("; ");
}

/** The member of a channel's union (client or server) whose `type` is `type`. */
export function messageSchema(
  channel: ChannelId,
  direction: "client" | "server",
  type: string,
): Schema | undefined {
  const members = (channelSchemas[channel][direction].oneOf ?? []) as Schema[];
  return members.find((member) => (propertySchema(member, "type").const as unknown) === type);
}

/** Checks a value against a schema; the issues as one line when it fails. */
export function checkAgainst(schema: Schema, value: Json): string | undefined {
  const validate = validatorFor(schema);
  return validate(value) ? undefined : describeIssues(toValidationIssues(validate.errors ?? [], []));
}

/** A text frame as a client message of the channel: JSON, an object, a known `type`, valid for that type. */
export function readClientMessage(channel: ChannelId, text: string): Read<JsonObject> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "The frame is not JSON" };
  }
  if (!isObject(parsed)) return { ok: false, reason: "A message must be a JSON object" };
  const types: readonly string[] = channels[channel].messages.client.types;
  const schema = typeof parsed.type === "string" ? messageSchema(channel, "client", parsed.type) : undefined;
  if (!schema) return { ok: false, reason: `type: Input should be one of ${types.join(", ")}` };
  const problem = checkAgainst(schema, parsed);
  return problem === undefined ? { ok: true, value: parsed } : { ok: false, reason: problem };
}

/** The top-level defaults of an object schema (a start message's or a query's), by property. */
export function defaultsOf(schema: Schema): Record<string, Json> {
  const defaults: Record<string, Json> = {};
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    const value = property.default ?? (property.allOf as Schema[] | undefined)?.[0]?.default;
    if (value !== undefined) defaults[name] = value as Json;
  }
  return defaults;
}

/**
 * The channel's query parameters, coerced from text and validated, defaults filled in; other parameters
 * (the key's, say) are not the query's business and are left out.
 */
export function readQuery(channel: ChannelId, params: URLSearchParams): Read<Record<string, Json>> {
  const schema = channelSchemas[channel].query;
  if (!schema) return { ok: true, value: {} };
  const values: Record<string, Json> = {};
  for (const name of channels[channel].query?.parameters ?? []) {
    const raw = params.get(name);
    if (raw !== null) values[name] = coerceText(raw, propertySchema(schema, name));
  }
  const problem = checkAgainst(schema, values);
  if (problem !== undefined) return { ok: false, reason: `query: ${problem}` };
  return { ok: true, value: { ...defaultsOf(schema), ...values } };
}
