import { openapi } from "../generated/openapi.js";

/**
 * A loose, read-only view of the generated spec data. The generated literal type is exact but far too deep
 * to walk generically; the sandbox only needs to follow JSON pointers and read a few well-known keys.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export const specDocument = openapi as unknown as JsonObject;

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const escapeSegment = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const unescapeSegment = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** One JSON pointer segment, escaped and percent-encoded as `$ref` resolvers expect. */
export function pointerSegment(segment: string): string {
  return encodeURIComponent(escapeSegment(segment));
}

/** A URI fragment JSON pointer, e.g. `#/paths/~1tts/post`. */
export function pointerTo(segments: readonly string[]): string {
  return `#/${segments.map(pointerSegment).join("/")}`;
}

/** Follows a local `#/...` pointer inside the spec. */
export function resolvePointer(pointer: string): Json | undefined {
  if (!pointer.startsWith("#/")) return undefined;
  let node: Json | undefined = specDocument;
  for (const raw of pointer.slice(2).split("/")) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    const key = unescapeSegment(decodeURIComponent(raw));
    node = Array.isArray(node) ? (node as readonly Json[])[Number(key)] : (node as JsonObject)[key];
  }
  return node;
}

/** Follows `$ref` chains until a concrete object; returns it with the pointer it was found at. */
export function deref(node: Json | undefined, at: string): { node: JsonObject; pointer: string } | undefined {
  let current = node;
  let pointer = at;
  for (let hops = 0; hops < 32 && isObject(current); hops++) {
    const ref = current.$ref;
    if (typeof ref !== "string") return { node: current, pointer };
    pointer = ref;
    current = resolvePointer(ref);
  }
  return undefined;
}
