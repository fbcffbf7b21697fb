// The media table: every media type the spec's responses use, the file extension camb-kit saves it under,
// whether it is bytes or text, and the output-format enum values that produce it. Extensions and formats come
// from the spec's root `x-camb-media-types`; binary-ness from the schemas under each content key. Generation
// fails when a content key, a format, or a value of a format enum is left out, so the table stays complete.
import { HEADER, literal } from "./render.mjs";
import { fail, resolve } from "./spec.mjs";

/** What answers can be: request bodies (JSON, multipart) are not saved to files, so they are not listed. */
function* responseContents(index) {
  for (const entry of index) {
    for (const response of Object.values(entry.responses)) yield* Object.entries(response.content ?? {});
  }
}

function declared(spec) {
  const table = spec["x-camb-media-types"];
  if (!table || typeof table !== "object") fail("the root needs an x-camb-media-types table");
  for (const [type, entry] of Object.entries(table)) {
    if (typeof entry?.extension !== "string" || !/^[a-z0-9]+$/.test(entry.extension)) {
      fail(`x-camb-media-types.${type}: needs a lowercase file extension`);
    }
  }
  return table;
}

/** Enum schemas of components.schemas whose values are output formats (any value listed as a format). */
function formatEnums(spec, formats) {
  return Object.entries(spec.components?.schemas ?? {}).filter(
    ([, schema]) => Array.isArray(schema.enum) && schema.enum.some((value) => formats.has(value)),
  );
}

export function buildMedia(spec, index) {
  const table = declared(spec);
  const binary = {};
  for (const [type, media] of responseContents(index)) {
    if (!Object.hasOwn(table, type)) fail(`response content type ${type} is not in x-camb-media-types`);
    const isBinary = resolve(spec, media.schema)?.format === "binary";
    binary[type] = (binary[type] ?? true) && isBinary;
  }

  const formatMediaTypes = {};
  for (const [type, entry] of Object.entries(table)) {
    // An asset type (a file results point at) is not a response body of this API: it is bytes.
    if (entry.asset === true) binary[type] = !type.startsWith("text/");
    else if (!Object.hasOwn(binary, type)) fail(`x-camb-media-types.${type} is not used by any operation`);
    for (const format of entry.formats ?? []) {
      if (formatMediaTypes[format]) fail(`format ${format} is listed under two media types`);
      formatMediaTypes[format] = type;
    }
  }
  const formats = new Set(Object.keys(formatMediaTypes));
  const enumValues = new Set();
  for (const [name, schema] of formatEnums(spec, formats)) {
    for (const value of schema.enum) {
      if (!formats.has(value)) fail(`format ${value} of ${name} has no media type in x-camb-media-types`);
      enumValues.add(value);
    }
  }
  for (const format of formats) {
    if (!enumValues.has(format)) fail(`x-camb-media-types lists ${format}, which no enum of the spec has`);
  }

  const mediaTypes = {};
  for (const [type, entry] of Object.entries(table)) {
    mediaTypes[type] = {
      extension: entry.extension,
      binary: binary[type],
      formats: entry.formats ?? [],
      asset: entry.asset === true,
    };
  }
  return { mediaTypes, formatMediaTypes };
}

export function renderMedia({ mediaTypes, formatMediaTypes }) {
  return `${HEADER}
/**
 * Every media type the spec uses: the file extension a saved file gets, whether the body is bytes
 * (\`format: binary\`) or text, and the output formats that answer with it.
 */
export const mediaTypes = ${literal(mediaTypes)} as const;

/** A media type of the spec, e.g. \`"audio/flac"\`. */
export type MediaType = keyof typeof mediaTypes;

/** The media type each output format of the spec answers with, e.g. \`mp3\` -> \`audio/mpeg\`. */
export const formatMediaTypes = ${literal(formatMediaTypes)} as const;

/** An output format of the spec, e.g. \`"mp3"\`. */
export type OutputFormat = keyof typeof formatMediaTypes;
`;
}
