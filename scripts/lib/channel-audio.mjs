// How audio travels on a realtime channel, one direction (`audioIn` / `audioOut` of an x-camb-channels
// entry): as binary frames, as base64 in a field of a JSON message, or both; raw PCM whose encoding, rate and
// channel count are fixed or set by a query parameter (its default then is the value), or a container format
// a field of the start message picks.
import { propertyKeywords } from "./schema-values.mjs";
import { fail } from "./spec.mjs";

const PCM = ["encoding", "sampleRate", "channels"];
const FIELDS = new Set(["binary", "message", "field", "maxFrameBytes", "formatField", ...PCM]);

/** A PCM property: a literal, or `{ query: <parameter> }` read from the channel's query defaults. */
function pcmValue(where, value, query) {
  if (value === undefined) return { value: null, parameter: null };
  if (typeof value !== "object") return { value, parameter: null };
  const parameter = value.query;
  if (!query?.parameters.includes(parameter))
    fail(`${where}: ${parameter} is not a query parameter of this channel`);
  const fallback = query.defaults[parameter];
  if (fallback === undefined) fail(`${where}: query parameter ${parameter} needs a default`);
  return { value: fallback, parameter };
}

/**
 * @param context `{ union, query, start }`: the direction's message union, the channel's query table and its
 *   start message (`{ type, schema, resolve }` or null).
 */
export function channelAudio(spec, where, audio, { union, query, start }) {
  if (audio === undefined) return null;
  const unknown = Object.keys(audio).find((key) => !FIELDS.has(key));
  if (unknown) fail(`${where}: unknown field ${unknown}`);
  const binary = audio.binary === true;
  const message = audio.message ?? null;
  const field = audio.field ?? null;
  if (!binary && !message) fail(`${where} needs binary frames, a message that carries the audio, or both`);
  if (message) {
    const schema = union.members.get(message);
    if (!schema) fail(`${where}.message: ${message} is not a message type of ${union.name}`);
    if (!field || !schema.properties?.[field] || !schema.required?.includes(field))
      fail(`${where}.field must name a required field of the ${message} message`);
  } else if (field) {
    fail(`${where}.field needs a message`);
  }
  const maxFrameBytes = audio.maxFrameBytes ?? null;
  if (maxFrameBytes !== null && !(Number.isInteger(maxFrameBytes) && maxFrameBytes > 0))
    fail(`${where}.maxFrameBytes must be a positive integer`);
  const formatField = audio.formatField ?? null;
  if (formatField && !start?.schema.properties?.[formatField])
    fail(`${where}.formatField: ${formatField} is not a field of the channel's start message`);
  const pcm = Object.fromEntries(PCM.map((key) => [key, pcmValue(`${where}.${key}`, audio[key], query)]));
  const given = PCM.filter((key) => pcm[key].value !== null);
  if (given.length !== 0 && given.length !== PCM.length)
    fail(`${where}: PCM audio needs encoding, sampleRate and channels together`);
  if (given.length === 0 && !formatField) fail(`${where} needs a PCM format or a formatField`);
  if (formatField) {
    const enumValues = propertyKeywords(spec, start.schema.properties[formatField]).enum;
    if (!Array.isArray(enumValues)) fail(`${where}.formatField: ${formatField} must be an enum`);
  }
  return {
    binary,
    message,
    field,
    maxFrameBytes,
    formatField,
    encoding: pcm.encoding.value,
    sampleRate: pcm.sampleRate.value,
    channels: pcm.channels.value,
    fromQuery: Object.fromEntries(PCM.map((key) => [key, pcm[key].parameter])),
  };
}
