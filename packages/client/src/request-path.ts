// The API path of a request URL, the way errors name a call.
/** The API path of a request URL, e.g. `/tts/abc` for `<baseUrl>/tts/abc?x=1`: what errors name. */
export function requestPath(url: string, baseUrl: string): string {
  if (!url.startsWith(baseUrl)) return url;
  const rest = url.slice(baseUrl.length);
  const query = rest.indexOf("?");
  return (query === -1 ? rest : rest.slice(0, query)) || "/";
}
