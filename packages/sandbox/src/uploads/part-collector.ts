// multipasta's callbacks for one body: text parts collected, each file part sunk, the first error kept.
import * as Multipasta from "multipasta";
import { FileSink } from "./file-sink.js";
import { type Refusal, refusalFor } from "./refusal.js";
import type { UploadedFile, UploadSettings } from "./types.js";

/** The parts of a body, by name, in the order they came. */
export interface BodyParts {
  texts: ReadonlyMap<string, readonly string[]>;
  files: ReadonlyMap<string, readonly UploadedFile[]>;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Collects one body's parts from a multipasta parser. The first file part of each name the operation
 * declares as a file keeps a head and gets the name's analyser; any other file part (an undeclared name, a
 * repeat) is only counted, so no sequence of parts makes the sandbox hold more than a head per declared file.
 */
export class PartCollector {
  readonly #texts = new Map<string, string[]>();
  readonly #sinks: FileSink[] = [];
  readonly #settings: UploadSettings;
  readonly #declaresFile: (field: string) => boolean;
  #current: FileSink | undefined;
  #partName: string | undefined;
  #failure: Refusal | undefined;

  constructor(settings: UploadSettings, declaresFile: (field: string) => boolean) {
    this.#settings = settings;
    this.#declaresFile = declaresFile;
  }

  get failure(): Refusal | undefined {
    return this.#failure;
  }

  parser(contentType: string): Multipasta.Parser {
    const { limits } = this.#settings;
    return Multipasta.make({
      headers: { "content-type": contentType },
      maxParts: limits.maxParts,
      maxFieldSize: limits.maxTextPartBytes,
      maxTotalSize: limits.maxBytes,
      // Asked at the end of every part's headers: the one moment a text part's name is known.
      isFile: (info) => {
        this.#partName = info.name;
        return Multipasta.defaultIsFile(info);
      },
      onField: (info, value) => {
        if (!this.#failure) append(this.#texts, info.name, Multipasta.decodeField(info, value));
      },
      onFile: (info) => this.#openFile(info),
      onError: (error) => this.fail(refusalFor(error, limits, this.#partName)),
      onDone: () => {},
    });
  }

  /** Keeps the first refusal and stops every analyser still reading. */
  fail(refusal: Refusal): void {
    if (this.#failure) return;
    this.#failure = refusal;
    const reason = new Error(refusal.detail);
    for (const sink of this.#sinks) sink.abort(reason);
  }

  /** Resolves when the analyser of the file part being read (if any) can take more. */
  ready(): Promise<void> | undefined {
    return this.#current?.ready();
  }

  /** The parts, once every analyser has settled. */
  async parts(): Promise<BodyParts> {
    const files = new Map<string, UploadedFile[]>();
    for (const file of await Promise.all(this.#sinks.map((sink) => sink.result())))
      append(files, file.field, file);
    return { texts: this.#texts, files };
  }

  #openFile(info: Multipasta.PartInfo): (chunk: Uint8Array | null) => void {
    const field = info.name;
    const kept = this.#declaresFile(field) && !this.#sinks.some((sink) => sink.info.field === field);
    const { limits, analysers } = this.#settings;
    const sink = new FileSink(
      { field, name: info.filename ?? "", type: info.contentType },
      kept ? limits.headBytes : 0,
      kept ? analysers?.[field] : undefined,
    );
    this.#sinks.push(sink);
    this.#current = sink;
    return (chunk) => {
      if (this.#failure) return;
      if (chunk) sink.write(chunk);
      else {
        sink.end();
        this.#current = undefined;
      }
    };
  }
}
