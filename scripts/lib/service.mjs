// Where the API lives and how it is authenticated: the first server URL and the API-key header of the
// spec's security scheme. The client, the proxy and the sandbox read these instead of spelling them.
import { HEADER, literal } from "./render.mjs";
import { fail } from "./spec.mjs";

export function buildService(spec) {
  const baseUrl = spec.servers?.[0]?.url;
  if (typeof baseUrl !== "string" || !/^https:\/\//.test(baseUrl))
    fail("servers[0].url must be an https URL");
  const schemes = Object.values(spec.components?.securitySchemes ?? {});
  const apiKey = schemes.filter((scheme) => scheme.type === "apiKey" && scheme.in === "header");
  if (apiKey.length !== 1) fail("components.securitySchemes needs exactly one apiKey scheme in a header");
  return { baseUrl: baseUrl.replace(/\/+$/, ""), apiKeyHeader: apiKey[0].name.toLowerCase() };
}

export function renderService({ baseUrl, apiKeyHeader }) {
  return `${HEADER}
/** The API's base URL: the spec's first server. */
export const defaultBaseUrl = ${literal(baseUrl)};

/** The header that carries the API key (the spec's apiKey security scheme), lower-cased. */
export const apiKeyHeader = ${literal(apiKeyHeader)};
`;
}
