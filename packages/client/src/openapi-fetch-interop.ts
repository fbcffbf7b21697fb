// openapi-fetch's createClient, whichever module format loaded it.
import openapiFetchDefault from "openapi-fetch";

/**
 * openapi-fetch's `createClient`, whichever build was loaded. Its CommonJS build sets `exports.default`
 * without the `__esModule` marker, so in our CommonJS output (Node's interop: a default import is the whole
 * `module.exports`) the default import is the exports object, not the function. The packaging test's
 * CommonJS project caught this; ESM consumers get the function directly.
 */
export const createClient: typeof openapiFetchDefault =
  typeof openapiFetchDefault === "function"
    ? openapiFetchDefault
    : (openapiFetchDefault as unknown as { default: typeof openapiFetchDefault }).default;
