// Segment times as subtitle timestamps: whole milliseconds, `hh:mm:ss,mmm` (SRT) or `hh:mm:ss.mmm` (WebVTT).

/**
 * A time in seconds as whole milliseconds, rounded half up as the decimal reads: 1.0005 s is stored as
 * 1.000499…, so the product is taken to 12 significant digits (sub-microsecond for any transcript's times)
 * before rounding, or the API's "1.0005" would round down.
 */
export function toMilliseconds(seconds: number): number {
  return Math.round(Number((seconds * 1000).toPrecision(12)));
}

/** `hh:mm:ss<separator>mmm`; hours take more than two digits past 99 h, as SRT and WebVTT both allow. */
export function timestamp(ms: number, separator: "," | "."): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${separator}${pad(ms % 1000, 3)}`;
}

/** A segment's start and end in milliseconds; bad times are the caller's data error, not a cue to guess at. */
export function cueSpan(start: number, end: number, index: number): { start: number; end: number } {
  for (const [name, value] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`segment ${index}: ${name} must be a finite number of seconds >= 0, got ${value}`);
  }
  const span = { start: toMilliseconds(start), end: toMilliseconds(end) };
  if (span.end < span.start)
    throw new RangeError(`segment ${index}: end (${end} s) is before start (${start} s)`);
  return span;
}
