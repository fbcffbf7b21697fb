// Rendered transcripts an operation can answer (an export), read from the spec: which query parameter picks
// the file format and its values, and what an export answer holds (the text itself, or a file's URL).
import { mediaTypes, type OperationId, operationSchemas } from "@camb-kit/client/spec";

/** The query parameter of an operation that asks for a file format, and the formats it takes. */
export interface ExportQuery {
  param: string;
  formats: string[];
}

const extensions = new Set<string>(Object.values(mediaTypes).map((entry) => entry.extension));

/**
 * The operation's export query: the query parameter whose values are all file extensions of the spec's media
 * table (`srt`, `vtt`, `txt`), so an operation declaring one renders its answer in that format. Undefined
 * when the operation has none.
 */
export function exportQuery(operationId: OperationId | null): ExportQuery | undefined {
  if (operationId === null) return undefined;
  for (const parameter of operationSchemas[operationId].parameters) {
    const values = parameter.schema.enum;
    if (parameter.in !== "query" || !Array.isArray(values) || values.length === 0) continue;
    if (values.every((value) => typeof value === "string" && extensions.has(value)))
      return { param: parameter.name, formats: values as string[] };
  }
  return undefined;
}

/** The formats to ask an operation for: those asked (default all), that the operation offers. */
export function formatsToAsk(query: ExportQuery | undefined, asked: readonly string[] | undefined): string[] {
  if (!query) return [];
  return asked ? query.formats.filter((format) => asked.includes(format)) : query.formats;
}

/** The media type the spec gives a format's files (`srt` -> `application/x-subrip`). */
export function formatMediaType(format: string): string | undefined {
  return Object.entries(mediaTypes).find(([, entry]) => entry.extension === format)?.[0];
}

/** One file of an export answer: its text, or the URL of a file of it, and where in the answer it was. */
export type ExportPart =
  | { key: string[]; language?: string | undefined; text: string; url?: undefined }
  | { key: string[]; language?: string | undefined; url: string; text?: undefined };

const isUrl = (value: unknown): value is string => typeof value === "string" && /^https?:\/\//.test(value);

/**
 * The files of an export answer: `{ <field>: "<text>" }`, `{ <field>: "<url>", expiry }` (only the URL
 * then: the other strings describe it), or either of those per language (`{ "es-es": {...} }`).
 */
export function exportParts(answer: unknown, key: string[] = [], language?: string): ExportPart[] {
  if (answer === null || typeof answer !== "object" || Array.isArray(answer)) return [];
  const entries = Object.entries(answer);
  const urls = entries.filter(([, value]) => isUrl(value));
  if (urls.length > 0)
    return urls.map(([name, url]) => ({ key: [...key, name], language, url: url as string }));
  return entries.flatMap(([name, value]): ExportPart[] => {
    if (typeof value === "string") return [{ key: [...key, name], language, text: value }];
    // A nested object at the top is a language's answer.
    return key.length === 0 ? exportParts(value, [name], name) : [];
  });
}
