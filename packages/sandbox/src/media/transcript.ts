// Transcript segments over a known duration: the spoken (or placeholder) text, cut and timed by the options.
import { limits, type Schemas } from "@camb-kit/client/spec";
import { timeCues } from "./cue-timing.js";
import { normalizeTranscriptText, sentences, splitByCharacters } from "./transcript-text.js";

/** The API's `SubtitleFormattingOptions`, every field optional. */
export type SubtitleFormattingOptions = Schemas["SubtitleFormattingOptions"];
/** The API's `TranscriptSegment`: times in seconds. */
export type TranscriptSegment = Schemas["TranscriptSegment"];

/**
 * The defaults the SDK examples give (the spec repeats them in a description but declares no `default`, so
 * there is nothing to import); no reading-speed limit and no gap unless asked. Frames are 25 a second.
 */
const DEFAULTS = { maxSeconds: 7, minSeconds: 1, maxCharacters: 42, gapFrames: 0 };
const FRAMES_PER_SECOND = 25;
const SPEAKER = "SPEAKER_0";
/** Placeholder transcripts stop growing here: past it, cues keep their length and the rest is silence. */
const MAX_PLACEHOLDER_SEGMENTS = 10_000;

interface Limits {
  maxMs: number;
  minMs: number;
  maxCharacters: number;
  cps: number | undefined;
  gapMs: number;
}

/** An option's value, checked against the spec's bounds for it (the API answers 422 outside them). */
function option(
  options: SubtitleFormattingOptions,
  name: keyof SubtitleFormattingOptions,
): number | undefined {
  const value: number | null | undefined = options[name];
  if (value === undefined || value === null) return undefined;
  const bounds: { minimum?: number; exclusiveMinimum?: number } = limits.SubtitleFormattingOptions[name];
  const below =
    (bounds.minimum !== undefined && value < bounds.minimum) ||
    (bounds.exclusiveMinimum !== undefined && value <= bounds.exclusiveMinimum);
  if (!Number.isFinite(value) || below) throw new RangeError(`${name} is out of range: ${value}`);
  return value;
}

function limitsOf(options: SubtitleFormattingOptions): Limits {
  const maxSeconds = option(options, "max_segment_duration_in_seconds") ?? DEFAULTS.maxSeconds;
  const maxMs = Math.max(1, Math.floor(maxSeconds * 1000));
  const minSeconds = option(options, "min_segment_duration_in_seconds") ?? DEFAULTS.minSeconds;
  const gapFrames = option(options, "min_gap_between_segments_in_frames") ?? DEFAULTS.gapFrames;
  return {
    maxMs,
    minMs: Math.min(maxMs, Math.ceil(minSeconds * 1000)),
    maxCharacters: Math.max(
      1,
      Math.floor(option(options, "max_characters_in_segment") ?? DEFAULTS.maxCharacters),
    ),
    cps: option(options, "max_reading_speed_in_cps"),
    gapMs: Math.ceil((gapFrames * 1000) / FRAMES_PER_SECOND),
  };
}

/**
 * Deterministic text for media whose words are unknown (not made by the sandbox): one sentence per
 * maximum segment duration, so the cues cover the whole duration.
 */
export function placeholderText(durationSeconds: number, options: SubtitleFormattingOptions = {}): string {
  const { maxMs } = limitsOf(options);
  const count = Math.min(MAX_PLACEHOLDER_SEGMENTS, Math.max(1, Math.ceil((durationSeconds * 1000) / maxMs)));
  return Array.from({ length: count }, (_, i) => `Sandbox transcript, segment ${i + 1}.`).join(" ");
}

/**
 * The segments of a transcript of `text` (undefined: placeholder text) spoken over `durationSeconds`.
 * The normalised text is cut by sentence, then into balanced pieces of at most `max_characters_in_segment`
 * (fewer when the reading speed over the longest cue demands it); words are never broken, so the segment
 * texts joined with spaces are the normalised text. Times are whole milliseconds in [0, duration], in
 * order, at least the gap apart, no cue longer than the maximum; each cue gets its share of the duration by
 * length but at least the minimum duration and its reading time, whenever the duration has room for them.
 */
export function transcriptSegments(
  text: string | undefined,
  durationSeconds: number,
  options: SubtitleFormattingOptions = {},
): TranscriptSegment[] {
  if (!(Number.isFinite(durationSeconds) && durationSeconds >= 0))
    throw new RangeError(`A transcript needs a duration of at least 0 s, not ${durationSeconds}`);
  const cut = limitsOf(options);
  const totalMs = Math.floor(durationSeconds * 1000);
  const normalized = normalizeTranscriptText(text ?? placeholderText(durationSeconds, options));
  const width = cut.cps
    ? Math.max(1, Math.min(cut.maxCharacters, Math.floor((cut.cps * cut.maxMs) / 1000)))
    : cut.maxCharacters;
  const pieces = sentences(normalized).flatMap((sentence) => splitByCharacters(sentence, width));
  const floors = pieces.map((piece) => {
    const reading = cut.cps ? Math.ceil((piece.length * 1000) / cut.cps) : 0;
    return Math.min(cut.maxMs, Math.max(cut.minMs, reading));
  });
  const times = timeCues(
    pieces.map((piece) => piece.length),
    floors,
    { totalMs, gapMs: cut.gapMs, maxMs: cut.maxMs },
  );
  return pieces.map((piece, i) => {
    const [start, end] = times[i] ?? [0, 0];
    return { start: start / 1000, end: end / 1000, text: piece, speaker: SPEAKER };
  });
}
