// Cuts a transcript's text into cue texts: whitespace normalised, by sentence, then by a character limit.

/** The text a transcript covers: whitespace runs as single spaces, trimmed. */
export function normalizeTranscriptText(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Text is handed to the segmenter in windows of about this many characters (see `windows`). */
const WINDOW = 4096;
/**
 * Where Unicode's rules always break, as a space and its neighbours: after `!` or `?` (and closing quotes
 * or brackets), or after `.` when a capital follows (before a lower-case letter a full stop is no break).
 */
const CLOSERS = `["'\u00bb\u201d\u2019)\\]]{0,2}`;
const ALWAYS_BREAKS = new RegExp(`(?:[!?\u3002\uff01\uff1f]${CLOSERS} .|\\.${CLOSERS} \\p{Lu})$`, "u");

/**
 * The text in windows cut at a space after sentence-ending punctuation (else at any space): V8's segmenter
 * slows down with the length of the string it walks (10 000 sentences took 1.6 s in one string), and a cut
 * there is a sentence break the segmenter would make anyway.
 */
function* windows(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > WINDOW) {
    let cut = -1;
    for (let i = start + WINDOW; i > start && cut === -1; i--)
      if (text[i] === " " && ALWAYS_BREAKS.test(text.slice(Math.max(start, i - 3), i + 2))) cut = i;
    if (cut === -1) cut = text.lastIndexOf(" ", start + WINDOW);
    if (cut <= start) cut = start + WINDOW; // one unbroken run of characters: cut it anyway
    yield text.slice(start, cut + 1);
    start = cut + 1;
  }
  yield text.slice(start);
}

/**
 * The sentences of a normalised text, by Unicode's sentence rules (Intl.Segmenter, in every runtime the
 * sandbox runs in). A break the segmenter puts where there is no space ("What?Yes") is not kept, so the
 * sentences joined with single spaces are the text again.
 */
export function sentences(normalized: string): string[] {
  const result: string[] = [];
  let pending = "";
  for (const window of windows(normalized)) {
    for (const { segment } of sentenceSegmenter.segment(window)) {
      pending += segment;
      if (pending.endsWith(" ")) {
        result.push(pending.trim());
        pending = "";
      }
    }
  }
  if (pending.trim()) result.push(pending.trim());
  return result;
}

/** Greedy packing of words into lines of at most `width` characters (a longer word stands alone). */
function pack(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A sentence in as few pieces of at most `maxCharacters` as its words allow, balanced: the narrowest width
 * that still needs no more pieces, so a 50-character sentence under a 42 limit is two halves, not 42 + 8.
 * Words are never broken (the pieces must join back into the text), so a longer word is a piece alone.
 */
export function splitByCharacters(sentence: string, maxCharacters: number): string[] {
  if (sentence.length <= maxCharacters) return [sentence];
  const words = sentence.split(" ");
  const count = pack(words, maxCharacters).length;
  let low = Math.ceil(sentence.length / count);
  let high = maxCharacters;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (pack(words, mid).length <= count) high = mid;
    else low = mid + 1;
  }
  return pack(words, high);
}
