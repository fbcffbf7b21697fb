// The one rule for trusting a response's Content-Length, shared by every reader that checks a body's size.

/**
 * The body length a response announces, when it can be trusted: plain digits, and no Content-Encoding
 * (fetch decodes a compressed body, so its Content-Length counts wire bytes, not ours). Anything else
 * (absent, malformed, a list) is undefined: the body is then read without a length check, never rejected
 * for a header the caller cannot fix.
 */
export function declaredContentLength(headers: Headers): number | undefined {
  const value = headers.get("content-length")?.trim();
  if (value === undefined || headers.has("content-encoding") || !/^\d+$/.test(value)) return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}
