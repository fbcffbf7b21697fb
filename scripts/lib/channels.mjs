// The realtime channels table, from the root `x-camb-channels` (and `x-camb-realtime-server`): where each
// WebSocket session lives, where its key goes, the message types of its client and server unions and the
// ones that play a part (start, ready, end, done, error, keepAlive), its audio framing, close codes and the task
// family its session is a run of. Every name an entry uses is checked against the schemas (and the families)
// here, so a channel that does not add up fails generation.
import { channelAudio } from "./channel-audio.mjs";
import { componentConstants, schemaRefName } from "./inline-schemas.mjs";
import { HEADER, Identifier, literal } from "./render.mjs";
import { propertyKeywords } from "./schema-values.mjs";
import { fail, indexOperations, resolve } from "./spec.mjs";
import { collectFamilies } from "./task-roles.mjs";

const SERVERS = ["api", "realtime"];
const CLOSE_REASONS = ["bad-request", "unauthorized", "payment-required"];
const CLIENT_ROLES = ["start", "end", "keepAlive"];
const SERVER_ROLES = ["ready", "done", "error"];

/** The component a channel field refers to by `$ref`, with its name. */
function referred(spec, where, node) {
  if (typeof node?.$ref !== "string") fail(`${where} must be a $ref to a components.schemas entry`);
  const name = schemaRefName(node.$ref);
  return { name, schema: resolve(spec, node) };
}

/** A union's members by their `type` const, in the union's order; fails for anything but such a union. */
function unionMembers(spec, where, node) {
  const { name, schema } = referred(spec, where, node);
  if (!Array.isArray(schema.oneOf) || schema.oneOf.length === 0)
    fail(`${where}: components.schemas.${name} must be a oneOf of message schemas`);
  const members = new Map();
  for (const member of schema.oneOf) {
    const message = referred(spec, `${where} (${name})`, member);
    const type = resolve(spec, message.schema.properties?.type)?.const;
    if (typeof type !== "string" || !message.schema.required?.includes("type"))
      fail(`${where}: components.schemas.${message.name} needs a required \`type\` with a string const`);
    if (members.has(type)) fail(`${where}: message type ${type} appears twice in ${name}`);
    members.set(type, message.schema);
  }
  const { discriminator } = schema;
  if (discriminator !== undefined) {
    if (discriminator.propertyName !== "type") fail(`${where}: ${name}'s discriminator must be on \`type\``);
    for (const [type, ref] of Object.entries(discriminator.mapping ?? {})) {
      if (resolve(spec, { $ref: ref }) !== members.get(type))
        fail(`${where}: ${name}'s discriminator maps ${type} to ${ref}, which is not its ${type} member`);
    }
  }
  return { name, members };
}

/** The query parameters a channel's URL takes, and the defaults the server applies to absent ones. */
function channelQuery(spec, where, node) {
  if (node === undefined) return null;
  const { name, schema } = referred(spec, `${where}.query`, node);
  if (schema.type !== "object" || !schema.properties)
    fail(`${where}.query: components.schemas.${name} must be an object schema with properties`);
  const defaults = {};
  for (const [parameter, property] of Object.entries(schema.properties)) {
    const value = propertyKeywords(spec, property).default;
    if (value !== undefined) defaults[parameter] = value;
  }
  return { schema: name, parameters: Object.keys(schema.properties), defaults };
}

/** Where the key goes; a first-message field must exist in the channel's start message. */
function channelAuth(where, auth, startMessage) {
  const { header, query, message, ...rest } = auth ?? {};
  if (Object.keys(rest).length > 0) fail(`${where}.auth: unknown field ${Object.keys(rest)[0]}`);
  if (!header && !query && !message)
    fail(`${where}.auth needs a header, a query parameter or a message field`);
  let path = null;
  if (message) {
    if (!startMessage) fail(`${where}.auth.message needs a start message to carry the key`);
    path = String(message).split(".");
    let schema = startMessage.schema;
    for (const key of path) {
      schema = schema && startMessage.resolve(schema.properties?.[key]);
      if (!schema)
        fail(`${where}.auth.message: ${message} is not a field of the ${startMessage.type} message`);
    }
  }
  return { header: header ? String(header).toLowerCase() : null, query: query ?? null, message: path };
}

function closeCodes(where, codes) {
  if (!codes || typeof codes !== "object") fail(`${where} needs closeCodes`);
  for (const [code, reason] of Object.entries(codes)) {
    if (!/^4\d{3}$/.test(code))
      fail(`${where}.closeCodes: ${code} is not an application close code (4000-4999)`);
    if (!CLOSE_REASONS.includes(reason))
      fail(`${where}.closeCodes.${code}: ${reason} is not one of ${CLOSE_REASONS.join(", ")}`);
  }
  return codes;
}

/**
 * The task family whose run a session is (`run.family`): it must be a family with a result (that is where the
 * session's output is fetched), and the ready message must carry the `run_id` that names the run.
 */
function channelRun(spec, where, run, families, ready) {
  if (run === undefined) return null;
  const { family, ...rest } = run ?? {};
  if (Object.keys(rest).length > 0) fail(`${where}.run: unknown field ${Object.keys(rest)[0]}`);
  if (typeof family !== "string") fail(`${where}.run needs a family`);
  const roles = Object.hasOwn(families, family) ? families[family] : undefined;
  if (!roles)
    fail(`${where}.run.family: ${family} is not a task family (no operation's x-camb-task names it)`);
  if (!roles.result) fail(`${where}.run.family: ${family} has no result operation to fetch the run from`);
  if (!resolve(spec, ready.schema.properties?.run_id))
    fail(`${where}.run: the ready message ${ready.type} has no run_id`);
  return family;
}

function buildChannel(spec, id, entry, families) {
  const where = `x-camb-channels.${id}`;
  if (!/^[a-z][A-Za-z0-9]*$/.test(id)) fail(`${where}: a channel id must be camelCase`);
  if (!SERVERS.includes(entry.server)) fail(`${where}.server must be one of ${SERVERS.join(", ")}`);
  if (typeof entry.path !== "string" || !entry.path.startsWith("/")) fail(`${where}.path must start with /`);
  if (entry.server === "realtime" && !spec["x-camb-realtime-server"])
    fail(`${where} is on the realtime server, but the root has no x-camb-realtime-server`);
  const client = unionMembers(spec, `${where}.clientMessage`, entry.clientMessage);
  const server = unionMembers(spec, `${where}.serverMessage`, entry.serverMessage);
  const roles = {};
  for (const [list, union, side] of [
    [CLIENT_ROLES, client, "client"],
    [SERVER_ROLES, server, "server"],
  ]) {
    for (const role of list) {
      const type = entry[role];
      if (type !== undefined && !union.members.has(type))
        fail(`${where}.${role}: ${type} is not a message type of the ${side} union ${union.name}`);
      roles[role] = type ?? null;
    }
  }
  if (!roles.ready) fail(`${where} needs a ready message type`);
  if (!roles.error) fail(`${where} needs an error message type`);
  const query = channelQuery(spec, where, entry.query);
  const start = roles.start
    ? { type: roles.start, schema: client.members.get(roles.start), resolve: (node) => resolve(spec, node) }
    : null;
  return {
    summary: entry.summary ?? null,
    server: entry.server,
    path: entry.path,
    query,
    auth: channelAuth(where, entry.auth, start),
    messages: {
      client: { schema: client.name, types: [...client.members.keys()] },
      server: { schema: server.name, types: [...server.members.keys()] },
    },
    ...roles,
    audioIn: channelAudio(spec, `${where}.audioIn`, entry.audioIn, { union: client, query, start }),
    audioOut: channelAudio(spec, `${where}.audioOut`, entry.audioOut, { union: server, query, start }),
    closeCodes: closeCodes(where, entry.closeCodes),
    runFamily: channelRun(spec, where, entry.run, families, {
      type: roles.ready,
      schema: server.members.get(roles.ready),
    }),
  };
}

export function buildChannels(spec) {
  const realtimeServer = spec["x-camb-realtime-server"] ?? null;
  if (realtimeServer !== null && !/^wss:\/\/[^/]+$/.test(realtimeServer))
    fail("x-camb-realtime-server must be a wss:// origin with no path");
  const table = {};
  const entries = Object.entries(spec["x-camb-channels"] ?? {});
  const families = collectFamilies(indexOperations(spec));
  for (const [id, entry] of entries) table[id] = buildChannel(spec, id, entry, families);
  return { realtimeServer, table };
}

const schemaType = (name) => `Schemas[${JSON.stringify(name)}]`;

export function renderChannels(spec, { realtimeServer, table }) {
  const roots = new Set();
  const schemas = {};
  for (const [id, channel] of Object.entries(table)) {
    const names = [channel.messages.client.schema, channel.messages.server.schema, channel.query?.schema];
    for (const name of names) if (name) roots.add(name);
    const constant = (name) => (name ? new Identifier(`schema${name.replace(/[^A-Za-z0-9]/g, "_")}`) : null);
    schemas[id] = { client: constant(names[0]), server: constant(names[1]), query: constant(names[2]) };
  }
  const messages = Object.entries(table).map(
    ([id, channel]) =>
      `  ${id}: {\n    client: ${schemaType(channel.messages.client.schema)};\n    server: ${schemaType(channel.messages.server.schema)};\n    query: ${channel.query ? schemaType(channel.query.schema) : "Record<never, never>"};\n  };`,
  );
  return `${HEADER}import type { Schema } from "./operation-schemas.js";
import type { components } from "./schema.js";

type Schemas = components["schemas"];

/** The realtime host's origin (the spec's \`x-camb-realtime-server\`): where "realtime" channels live. */
export const realtimeServer = ${literal(realtimeServer)};

/**
 * The WebSocket sessions of the CAMB API, generated from the root \`x-camb-channels\` of openapi/camb.yaml:
 * where each lives (\`server\`: "api" is the REST base URL with the ws scheme, "realtime" is
 * \`realtimeServer\`; \`path\`), its query parameters and the defaults the server applies, where the key goes
 * (a header, a query parameter, or a field path in the start message), the \`type\`s of its client and server
 * messages and the ones that start, ready, end, finish, fail or keep alive a session, how audio travels each
 * way, what each application close code means, and the task family a session's \`run_id\` is a run of
 * (\`runFamily\`: that family's result then answers the session's output; null when the session is no run).
 * Helpers read all of it from here.
 */
export const channels = ${literal(table)} as const;

/** A channel's id, e.g. \`"liveTranscription"\`. */
export type ChannelId = keyof typeof channels;

/** Each channel's JSON messages (client and server unions, discriminated by \`type\`) and query parameters. */
export interface ChannelMessages {
${messages.join("\n")}
}

/** A JSON message a client sends on channel \`C\`. */
export type ClientMessage<C extends ChannelId> = ChannelMessages[C]["client"];

/** A JSON message the server sends on channel \`C\`. */
export type ServerMessage<C extends ChannelId> = ChannelMessages[C]["server"];

/** The query parameters of channel \`C\`'s URL (the key's parameter aside). */
export type ChannelQuery<C extends ChannelId> = ChannelMessages[C]["query"];

/** The client message of channel \`C\` whose \`type\` is \`T\`. */
export type ClientMessageOf<C extends ChannelId, T extends ClientMessage<C>["type"]> = Extract<
  ClientMessage<C>,
  { type: T }
>;

/** The server message of channel \`C\` whose \`type\` is \`T\`. */
export type ServerMessageOf<C extends ChannelId, T extends ServerMessage<C>["type"]> = Extract<
  ServerMessage<C>,
  { type: T }
>;

/** A channel's message unions and query parameters as JSON Schemas with every \`$ref\` followed (for ajv). */
export interface ChannelSchemas {
  client: Schema;
  server: Schema;
  /** null when the channel's URL takes no query parameters. */
  query: Schema | null;
}

${componentConstants(spec, roots).join("\n\n")}

/** The schemas of every channel, by channel id. */
export const channelSchemas: { readonly [C in ChannelId]: ChannelSchemas } = ${literal(schemas)};
`;
}
