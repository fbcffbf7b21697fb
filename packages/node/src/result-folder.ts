// The folder a multi-file result is saved into: each file written atomically under a unique name, the list of
// what was written, its manifest written last, and all of it removed again when the save fails.
import { dirname, join, relative, resolve } from "node:path";
import { extensionOf } from "@camb-kit/client/spec";
import { removeQuietly } from "./atomic-file.js";
import { fetchAsset } from "./fetch-asset.js";
import type { FetchToFileOptions } from "./fetch-to-file.js";
import { fileOps } from "./file-ops.js";
import { fileName } from "./result-assets.js";
import { withDownloadRetries } from "./retry-download.js";
import { type SaveAudioOptions, saveAudio } from "./save-audio.js";

/** One file a saved result wrote. */
export interface ManifestFile<Kind extends string = string> {
  /** The absolute path of the file (relative to the folder in `manifest.json`). */
  path: string;
  bytes: number;
  contentType: string | undefined;
  /** What the file is: an asset kind of the families table, `"transcript"`, or `"result"` (the JSON). */
  kind: Kind;
  /** Where it came from in the result (`["es-es", "video_url"]`, `["previews", 0]`). */
  key: (string | number)[];
  /** The language of a per-language file. */
  language?: string;
  /** The export format of a rendered transcript (`"srt"`). */
  format?: string;
}

/** What saving a multi-file result wrote: the folder, and its files in the order they were written. */
export interface SavedManifest<Kind extends string = string> {
  /** The absolute path of the folder. */
  path: string;
  files: ManifestFile<Kind>[];
}

/** The name the manifest is written under, last, in the result's folder. */
export const MANIFEST_NAME = "manifest.json";

type FileFacts = Omit<ManifestFile, "path" | "bytes" | "contentType">;
type FolderOptions = Omit<SaveAudioOptions, "expectedBytes" | "contentType" | "mkdir"> &
  Pick<FetchToFileOptions, "fetch"> & { downloadAttempts: number };

/** Removes `folder` and its parents up to `top`, each only while empty (others may have written there since). */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    const removed = await fileOps.rmdir(current).then(
      () => true,
      () => false,
    );
    if (!removed || current === resolve(top) || dirname(current) === current) return;
  }
}

/** A result's folder being written; `rollback()` undoes it all, `finish()` writes the manifest. */
export class ResultFolder {
  readonly files: ManifestFile[] = [];
  readonly #taken = new Set<string>([MANIFEST_NAME]);

  private constructor(
    readonly path: string,
    readonly created: string | undefined,
    readonly options: FolderOptions,
  ) {}

  /** Creates the folder when missing (remembering the first folder it made, for a rollback). */
  static async open(dir: string, options: FolderOptions): Promise<ResultFolder> {
    options.signal?.throwIfAborted();
    const path = resolve(dir);
    return new ResultFolder(path, await fileOps.mkdir(path, { recursive: true }), options);
  }

  /** A file name for these facts, unique in the folder (`es-es-audio.mp3`, `preview-2.wav`). */
  name(facts: FileFacts, extension: string): string {
    return fileName(facts, extension, this.#taken);
  }

  /**
   * Downloads an asset (tried again per `downloadAttempts`), named after its answer's content type
   * (`fallback` for a type the spec does not list). A retry keeps the name its first try chose.
   */
  async download(url: string, facts: FileFacts, resultMediaType: string | null, fallback = "bin") {
    const names = new Map<string, string>();
    const named = (type: string | undefined) => {
      const extension = extensionOf(type) ?? fallback;
      if (!names.has(extension)) names.set(extension, this.name(facts, extension));
      return join(this.path, names.get(extension)!);
    };
    const saved = await withDownloadRetries(
      () => fetchAsset(url, named, resultMediaType, { ...this.options, mkdir: false }),
      this.options.downloadAttempts,
      this.options.signal,
    );
    return this.#add(saved, facts);
  }

  /** Writes text (a rendered transcript, the result's JSON) as a file, atomically. */
  async writeText(name: string, text: string, contentType: string | undefined, facts: FileFacts) {
    const saved = await saveAudio(new TextEncoder().encode(text), join(this.path, name), {
      ...this.options,
      contentType,
    });
    return this.#add(saved, facts);
  }

  #add(saved: { path: string; bytes: number; contentType?: string | undefined }, facts: FileFacts) {
    // The facts are picked, not spread: callers pass the asset itself, whose pre-signed URL (a credential
    // in its query) must not reach the manifest on disk.
    const { kind, key, language, format } = facts;
    const file: ManifestFile = {
      path: saved.path,
      bytes: saved.bytes,
      contentType: saved.contentType,
      kind,
      key,
      ...(language === undefined ? {} : { language }),
      ...(format === undefined ? {} : { format }),
    };
    this.files.push(file);
    return file;
  }

  /** Writes `manifest.json` (paths relative to the folder), last and atomically; resolves with the manifest. */
  async finish(): Promise<SavedManifest> {
    const files = this.files.map((file) => ({ ...file, path: relative(this.path, file.path) }));
    const manifest = `${JSON.stringify({ files }, null, 2)}\n`;
    await saveAudio(new TextEncoder().encode(manifest), join(this.path, MANIFEST_NAME), this.options);
    return { path: this.path, files: this.files };
  }

  /** All or nothing: removes every file written so far and the folders this save created. */
  async rollback(): Promise<void> {
    await Promise.all(this.files.map((file) => removeQuietly(file.path)));
    if (this.created) await removeEmptyFolders(this.path, this.created);
  }
}
