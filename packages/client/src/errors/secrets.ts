// The secrets no error may carry (every API key a client or proxy of this process holds), and the one
// function that takes them out of any string or JSON value before an error keeps it.

const REDACTED = "[redacted]";

// Shared across every copy of this module in the process (an ESM and a CommonJS build loaded side by side,
// two versions in one app): a key registered by one copy is redacted by errors built in another.
const shared = globalThis as Record<symbol, Set<string> | undefined>;
const KEY = Symbol.for("@camb-kit/secrets");
const registry: Set<string> = shared[KEY] ?? new Set();
shared[KEY] = registry;

/** Long secrets are redacted wherever they appear; short ones (test keys) only as a whole word. */
const SUBSTRING_MIN = 8;

/** Marks `secret` as never to be shown: every CambError built from now on redacts it. */
export function registerSecret(secret: string | undefined): void {
  if (secret) registry.add(secret);
}

function redactString(text: string): string {
  let out = text;
  for (const secret of registry) {
    if (!out.includes(secret)) continue;
    if (secret.length >= SUBSTRING_MIN) out = out.split(secret).join(REDACTED);
    else {
      const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      out = out.replace(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, "g"), REDACTED);
    }
  }
  return out;
}

/**
 * `value` with every registered secret replaced by "[redacted]": a string, or the strings (keys included) of
 * a JSON value, copied. Anything else is returned as it is.
 */
export function redactSecrets<T>(value: T): T {
  if (registry.size === 0) return value;
  if (typeof value === "string") return redactString(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactString(key), redactSecrets(item)]),
    ) as T;
  }
  return value;
}

/** `url` as errors may show it: without the user name and password it may carry. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return url;
  }
}
