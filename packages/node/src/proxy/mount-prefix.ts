// The path the proxy is mounted at: normalised once, and taken off each request's path before routing.

/** `"/api/camb"` from `"api/camb/"`, `""` for a proxy mounted at the root; default `"/api/camb"`. */
export function normalizePrefix(prefix: string | undefined): string {
  return `/${(prefix ?? "/api/camb").replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
}

/** The API path a request names under `prefix` (`"/"` for the prefix itself), or undefined outside it. */
export function pathUnderPrefix(pathname: string, prefix: string): string | undefined {
  if (prefix && pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  return pathname.slice(prefix.length) || "/";
}
