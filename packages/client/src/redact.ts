// Removes an API key from any string or JSON value, so nothing thrown can carry it.
const REDACTED = "[redacted]";

/**
 * Replaces every occurrence of `secret` in a string, or in the strings of a JSON value, so that an API key a
 * server or proxy echoes back can never leak through an error.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === "string") return value.split(secret).join(REDACTED) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecret(item, secret)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactSecret(key, secret), redactSecret(item, secret)]),
    ) as T;
  }
  return value;
}
