// Where a JSON result's files are: the URL fields the families table marks as assets (`assets`), the language
// keys of a result keyed by language, and the file name each asset gets, read from data only.

/** One file a JSON result points at: its URL, its place in the JSON, its kind and, per language, its language. */
export interface ResultAsset {
  url: string;
  key: (string | number)[];
  kind: string;
  language?: string | undefined;
}

/** An `assets` entry of the families table: the path to a URL field (`*` a language key, `[]` every item). */
export interface AssetPath {
  readonly path: readonly string[];
  readonly kind: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isUrl = (value: unknown): value is string => typeof value === "string" && /^https?:\/\//.test(value);

function matchPath(
  value: unknown,
  path: readonly string[],
  key: (string | number)[],
  language: string | undefined,
  kind: string,
): ResultAsset[] {
  const [head, ...rest] = path;
  if (head === undefined) return isUrl(value) ? [{ url: value, key, kind, language }] : [];
  if (head === "[]") {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, index) => matchPath(item, rest, [...key, index], language, kind));
  }
  if (!isRecord(value)) return [];
  if (head === "*") {
    // Last in a path, `*` takes every field that holds a URL (a map of files, as dub-alt-format answers).
    if (rest.length === 0)
      return Object.entries(value).flatMap(([name, item]) =>
        isUrl(item) ? [{ url: item, key: [...key, name], kind, language }] : [],
      );
    // A language key holds an object (a language's files); a plain field of a one-language result does not.
    return Object.entries(value).flatMap(([name, item]) =>
      isRecord(item) ? matchPath(item, rest, [...key, name], name, kind) : [],
    );
  }
  return Object.hasOwn(value, head) ? matchPath(value[head], rest, [...key, head], language, kind) : [];
}

/** Every asset of `result` the family's `assets` paths point at, in the table's order, each URL once. */
export function resultAssets(result: unknown, paths: readonly AssetPath[]): ResultAsset[] {
  const seen = new Set<string>();
  return paths
    .flatMap(({ path, kind }) => matchPath(result, path, [], undefined, kind))
    .filter((asset) => {
      const where = JSON.stringify(asset.key);
      if (seen.has(where)) return false;
      seen.add(where);
      return true;
    });
}

/**
 * The languages a result is keyed by: the keys holding an object, when the family's assets are per language
 * (a `*` path). A one-language result (a dub with one target) names no language: none is returned.
 */
export function resultLanguages(result: unknown, paths: readonly AssetPath[]): string[] {
  if (!isRecord(result) || !paths.some(({ path }) => path[0] === "*")) return [];
  return Object.entries(result)
    .filter(([, item]) => isRecord(item))
    .map(([name]) => name);
}

/**
 * A file name for a place in a result, unique within `taken`: the language, the kind, 1-based array positions
 * and the extension (`es-es-audio.mp3`, `preview-2.wav`); characters unfit for a file name are replaced.
 */
export function fileName(
  parts: { language?: string | undefined; kind: string; key: readonly (string | number)[] },
  extension: string,
  taken: Set<string>,
): string {
  const positions = parts.key.filter((part): part is number => typeof part === "number").map((n) => n + 1);
  const words = [parts.language, parts.kind, ...positions].filter((part) => part !== undefined);
  const base = words.join("-").replace(/[^\p{L}\p{N}._-]+/gu, "_") || "file";
  let name = `${base}.${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${extension}`;
  taken.add(name);
  return name;
}

/** `result` with every saved asset's URL replaced by its file's name (a pre-signed URL's query is a secret). */
export function withLocalNames(
  result: unknown,
  names: ReadonlyMap<string, string>,
  key: (string | number)[] = [],
): unknown {
  // A URL the table does not mark as a file (a studio link) is data, kept as it is.
  if (isUrl(result)) return names.get(JSON.stringify(key)) ?? result;
  if (Array.isArray(result)) return result.map((item, i) => withLocalNames(item, names, [...key, i]));
  if (isRecord(result)) {
    return Object.fromEntries(
      Object.entries(result).map(([name, item]) => [name, withLocalNames(item, names, [...key, name])]),
    );
  }
  return result;
}
