// What a handler gets for a file part (never its bytes: a count, a head and an analysis), and the hooks.
import type { UploadLimits } from "./limits.js";

/** A file part as its headers describe it. */
export interface FilePartInfo {
  /** The part's name in the form (`file`, `media_file` …). */
  field: string;
  /** The filename the client sent ("" when it sent none). */
  name: string;
  /** The part's Content-Type (`application/octet-stream` when it sent none). */
  type: string;
}

/** How an analyser ended: its value, or what it threw. */
export type Analysis = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * A file part once the body has been read. Named like a web `File` where they overlap (`name`, `type`,
 * `size`), but it holds no content: the bytes went by as they arrived, and only the first `headBytes` of
 * them and what the operation's analyser concluded are kept.
 */
export interface UploadedFile extends FilePartInfo {
  /** Every byte of the part, counted. */
  size: number;
  /** Its first bytes (at most the `headBytes` limit; empty for parts the operation does not declare). */
  head: Uint8Array;
  /** The settled result of the analyser the operation gave for this part, if it gave one. */
  analysis: Analysis | undefined;
}

/**
 * Reads a file part while it arrives. The stream carries the part's bytes with backpressure: the request is
 * read no faster than the analyser reads, so it may do real work (decode a header, collect a bounded
 * document) without the sandbox buffering. It must read to the end or stop: returning (or throwing) stops
 * the feed, so an analyser that has its facts early need not read on. Throwing an `UnreadableUpload` turns
 * the request into a 422 naming the part; any other outcome lands in `UploadedFile.analysis`.
 */
export type FileAnalyser = (stream: ReadableStream<Uint8Array>, part: FilePartInfo) => Promise<unknown>;

/** How one operation's uploads are read. */
export interface UploadSettings {
  limits: UploadLimits;
  /** An analyser per file part name (`{ file: readFacts }`); parts without one are only counted. */
  analysers?: Readonly<Record<string, FileAnalyser>>;
  /** The parts the spec's `encoding` sends as JSON (`operations[id].jsonParts`); OpenAPI's defaults otherwise. */
  jsonParts?: readonly string[];
}
