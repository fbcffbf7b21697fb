// fileFromPath: a file on disk as an upload's file part, streamed (never read into memory), with progress.
import { openAsBlob, type Stats } from "node:fs";
import { access, constants, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { type MediaType, mediaTypes } from "@camb-kit/client/spec";
import { DiskFile, type UploadProgress } from "./disk-file.js";
import { MissingFileError, SourceNotAFileError } from "./upload-errors.js";

export interface FileFromPathOptions {
  /** The part's Content-Type. Default: the spec's media type for the file's extension, else none (octet-stream). */
  type?: string;
  /** The part's filename. Default: the path's last segment. */
  name?: string;
  /** Called as the request takes the file's bytes, chunk by chunk (about 64 KiB each). */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/** The spec's media types by file extension (`wav` -> `audio/wav`); the first type to claim one keeps it. */
let byExtension: Map<string, MediaType> | undefined;

function mediaTypeOf(path: string): string {
  byExtension ??= new Map(
    (Object.keys(mediaTypes) as MediaType[]).reverse().map((type) => [mediaTypes[type].extension, type]),
  );
  // "" is a File's "no type": the multipart encoder then sends application/octet-stream.
  return byExtension.get(extname(path).slice(1).toLowerCase()) ?? "";
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

async function regularFile(path: string): Promise<Stats> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") throw new MissingFileError(path, error);
    throw error;
  }
  // A folder would be sent as its 4,096-byte directory entry size and a FIFO as 0 bytes (fs.openAsBlob
  // takes both, measured), so only a regular file, whose size is its length, goes on.
  if (!stats.isFile()) throw new SourceNotAFileError(path, kindOf(stats));
  // Unreadable now rather than mid-request (EACCES, with Node's message naming the path).
  await access(path, constants.R_OK);
  return stats;
}

/**
 * A `File` that reads `path` from disk each time it is sent: pass it as any file part of a request body
 * (`media_file`, `file`…) and the client streams it with a Content-Length, a chunk at a time, so a 1 GiB
 * upload costs megabytes of memory. Being a Blob, the part can be sent again (a retry, a redirect); if the
 * file changes in between, the read fails with `SourceFileChangedError` instead of sending other bytes.
 * Throws `MissingFileError` when nothing is at `path` and `SourceNotAFileError` for a folder or special file.
 */
export async function fileFromPath(path: string, options: FileFromPathOptions = {}): Promise<File> {
  const stats = await regularFile(path);
  const type = options.type ?? mediaTypeOf(path);
  // openAsBlob streams the file (1 GiB read in 64 KiB chunks, ~41 MiB peak RSS growth, the same as
  // createReadStream, measured on Node 20.20) and fails a read of a file whose size or mtime changed.
  const source = await openAsBlob(path, { type });
  return new DiskFile(source, {
    path,
    name: options.name ?? basename(path),
    type,
    mtimeMs: stats.mtimeMs,
    onUploadProgress: options.onUploadProgress,
  });
}
