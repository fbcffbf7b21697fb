// saveAudio: any audio source streamed to a temp file and renamed into place, with nothing left on failure.
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { commitTempFile, fileExists, removeQuietly, tempPathFor } from "./atomic-file.js";
import { type AudioSource, openableSource } from "./audio-source.js";
import { ByteMeter, type Progress } from "./byte-meter.js";
import { MissingFolderError, TargetExistsError, TruncatedStreamError } from "./errors.js";
import { fileOps } from "./file-ops.js";
import { fsyncFile, fsyncFolder } from "./fsync.js";

export interface SaveAudioOptions {
  /** Aborts the save: the temp file is removed, the source cancelled, the target untouched. */
  signal?: AbortSignal | undefined;
  /** Replace an existing target (default true). With false an existing target fails without writing. */
  overwrite?: boolean | undefined;
  /** Create the target's folder (and parents) when missing (default false: a missing folder is an error). */
  mkdir?: boolean | undefined;
  /** Called after every chunk, with the bytes so far and the expected total when known. */
  onProgress?: ((progress: Progress) => void) | undefined;
  /**
   * The exact size to expect. Defaults to what the source announces (a Response's Content-Length unless it
   * is content-encoded, a Blob's size, a byte array's length). A shorter body throws `TruncatedStreamError`.
   */
  expectedBytes?: number | undefined;
  /** Fail with `IdleTimeoutError` when no chunk arrives for this long, in ms (default: no limit). */
  idleTimeoutMs?: number | undefined;
  /** fsync the file before renaming it into place, for durability across a power cut (default false). */
  fsync?: boolean | undefined;
  /** Reported back in the result; defaults to the source's own (a Response's or Blob's content type). */
  contentType?: string | undefined;
}

export interface SaveAudioResult {
  /** The absolute path of the saved file. */
  path: string;
  bytes: number;
  contentType?: string | undefined;
}

// How runtimes report a body whose connection dropped mid-way: undici's `TypeError: terminated`, a reset.
const CUT_CODES = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"]);

/** A connection cut mid-body, as the TruncatedStreamError it is; any other error unchanged. */
function cutShort(error: unknown, expectedBytes: number | undefined, receivedBytes: number): unknown {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.cause?.code;
  const own = (error as { code?: unknown } | null)?.code;
  const terminated = error instanceof TypeError && error.message === "terminated";
  if (!terminated && !CUT_CODES.has(String(code)) && !CUT_CODES.has(String(own))) return error;
  return new TruncatedStreamError(expectedBytes, receivedBytes, { cause: error });
}

function checkOptions(options: SaveAudioOptions, expectedBytes: number | undefined): void {
  if (expectedBytes !== undefined && !(Number.isSafeInteger(expectedBytes) && expectedBytes >= 0)) {
    throw new RangeError(`expectedBytes must be an integer >= 0, got ${expectedBytes}`);
  }
  const idle = options.idleTimeoutMs;
  if (idle !== undefined && !(idle >= 0)) throw new RangeError(`idleTimeoutMs must be >= 0, got ${idle}`);
}

/**
 * Streams audio to `path` with backpressure, through a temp file in the same folder that is renamed into
 * place only after the last byte arrived and the byte count checked out. On any error or abort the temp
 * file is removed, the source is cancelled (releasing its socket), an existing target is left exactly as it
 * was, and the original error is rethrown (an abort rethrows the signal's reason).
 *
 * A source can be read once: to save and play the same stream, `tee()` it first.
 *
 * An abort is honoured until the rename starts; a rename is atomic and cannot be half-done, so an abort
 * that lands while it runs lets the (complete) save finish.
 */
export async function saveAudio(
  source: AudioSource,
  path: string,
  options: SaveAudioOptions = {},
): Promise<SaveAudioResult> {
  const input = openableSource(source);
  const { signal } = options;
  const target = resolve(path);
  const overwrite = options.overwrite ?? true;
  const expectedBytes = options.expectedBytes ?? input.expectedBytes;
  let readable: Readable | undefined;
  let meter: ByteMeter | undefined;
  let fd: number | undefined;
  let sink: WriteStream | undefined;
  let temp: string | undefined;
  try {
    checkOptions(options, expectedBytes);
    signal?.throwIfAborted();
    if (options.mkdir) await fileOps.mkdir(dirname(target), { recursive: true });
    // Fail early, before writing anything; commitTempFile checks again atomically at the end. Anything but a
    // regular file at the target (a device, a FIFO, a symlink, a folder) is refused, never renamed over.
    if ((await fileExists(target)) && !overwrite) throw new TargetExistsError(target);
    const tempPath = tempPathFor(target);
    fd = await fileOps.openFd(tempPath, "wx").catch((error: NodeJS.ErrnoException) => {
      // Without this, the message would name the hidden temp file, which the caller never asked for.
      throw error.code === "ENOENT" ? new MissingFolderError(dirname(target), error) : error;
    });
    temp = tempPath;
    signal?.throwIfAborted();

    readable = input.toReadable();
    meter = new ByteMeter({
      expectedBytes,
      idleTimeoutMs: options.idleTimeoutMs,
      onProgress: options.onProgress,
    });
    // From here the write stream owns the descriptor and closes it when it finishes or is destroyed.
    sink = createWriteStream(tempPath, { fd });
    fd = undefined;
    await pipeline(readable, meter, sink, ...(signal ? [{ signal }] : []));
    if (options.fsync) await fsyncFile(tempPath);

    signal?.throwIfAborted(); // the last point of no return
    await fileExists(target); // again: a special file may have appeared while the audio streamed
    await commitTempFile(tempPath, target, overwrite);
    temp = undefined;
    if (options.fsync) await fsyncFolder(dirname(target));
    return { path: target, bytes: meter.bytes, contentType: options.contentType ?? input.contentType };
  } catch (error) {
    // pipeline() destroyed a started source already; one that was never read is released here.
    if (readable) readable.destroy();
    else input.cancel(error);
    // pipeline wraps an abort in its own AbortError; callers get the reason they passed, as everywhere else.
    if (signal?.aborted && (error as Error | null)?.name === "AbortError") throw signal.reason;
    throw cutShort(error, expectedBytes, meter?.bytes ?? 0);
  } finally {
    if (fd !== undefined) await fileOps.closeFd(fd).catch(() => {});
    // The temp file is deleted only once its descriptor is closed (Windows refuses to delete open files).
    if (sink && !sink.closed) await once(sink, "close").catch(() => {});
    if (temp) await removeQuietly(temp);
  }
}
