// Where one file part's bytes go as they arrive: counted, the head copied, the rest fed to an analyser.
import { AnalyserFeed } from "./analyser-feed.js";
import type { FileAnalyser, FilePartInfo, UploadedFile } from "./types.js";

/** Consumes one file part chunk by chunk and keeps only what `UploadedFile` holds. */
export class FileSink {
  #size = 0;
  #head: Uint8Array[] = [];
  #headLength = 0;
  readonly #headBytes: number;
  readonly #feed: AnalyserFeed | undefined;

  constructor(
    readonly info: FilePartInfo,
    headBytes: number,
    analyser: FileAnalyser | undefined,
  ) {
    this.#headBytes = headBytes;
    this.#feed = analyser && new AnalyserFeed(analyser, info);
  }

  write(chunk: Uint8Array): void {
    this.#size += chunk.length;
    const room = this.#headBytes - this.#headLength;
    if (room > 0) {
      // A copy: the chunk's buffer belongs to the request stream and may be larger than the head.
      const kept = chunk.slice(0, room);
      this.#head.push(kept);
      this.#headLength += kept.length;
    }
    this.#feed?.push(chunk);
  }

  end(): void {
    this.#feed?.close();
  }

  abort(reason: unknown): void {
    this.#feed?.abort(reason);
  }

  /** Backpressure from the analyser, if it has one that wants no more yet. */
  ready(): Promise<void> | undefined {
    return this.#feed?.ready();
  }

  /** The part as a handler sees it, once its analyser (if any) has settled. */
  async result(): Promise<UploadedFile> {
    const analysis = this.#feed ? await this.#feed.settled : undefined;
    return { ...this.info, size: this.#size, head: concat(this.#head, this.#headLength), analysis };
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
