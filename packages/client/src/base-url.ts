// The client's base URL as a URL object, resolved the way the runtime resolves its requests.
import { withoutCredentials } from "./errors/secrets.js";

/** The base URL resolved as the runtime will resolve requests: against the page in a browser (`/api/camb`). */
export function absoluteUrl(baseUrl: string): URL {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    return new URL(baseUrl, page);
  } catch {
    throw new TypeError(
      `baseUrl must be a URL (absolute, or relative to the page in a browser): ${withoutCredentials(baseUrl)}`,
    );
  }
}
