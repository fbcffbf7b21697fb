// Live TTS's segmentation: text arrives in chunks of any size; complete sentences are spoken at once, a
// trailing fragment when no text has come for the idle timeout, or at the end.

/**
 * A sentence ends at `.`, `!`, `?` or `…` (with closing quotes or brackets) followed by white space, or at
 * a CJK full stop, exclamation or question mark. A stop at the very end of the text so far is not yet an
 * end: the next chunk may go on ("3." then "14").
 */
const SENTENCE_END =
  /[.!?\u2026]+["'\u00bb\u201d\u2019)\]]*\s+|[\u3002\uff01\uff1f]+["'\u00bb\u201d\u2019)\]\u300d\u300f]*/gu;

export class TextSegmenter {
  private buffer = "";

  /** Adds a chunk; returns the sentences it completed, trimmed, empty ones left out. */
  add(chunk: string): string[] {
    this.buffer += chunk;
    const out: string[] = [];
    let from = 0;
    for (const match of this.buffer.matchAll(SENTENCE_END)) {
      const end = (match.index ?? 0) + match[0].length;
      // A CJK stop at the very end may still be followed by a closing bracket in the next chunk.
      if (end === this.buffer.length && !/\s$/u.test(match[0])) break;
      out.push(this.buffer.slice(from, end).trim());
      from = end;
    }
    this.buffer = this.buffer.slice(from);
    return out.filter(Boolean);
  }

  /** Whether a fragment is waiting (for the idle timeout or the end). */
  get pending(): boolean {
    return this.buffer.trim() !== "";
  }

  /** The waiting fragment, as a sentence of its own (idle timeout, `text.done`). */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = "";
    return rest ? [rest] : [];
  }
}
