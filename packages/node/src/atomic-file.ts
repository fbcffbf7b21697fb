// The temp-file-then-rename steps of a save: temp names, existence checks, cleanup, and a race-free commit.
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { TargetExistsError, TargetNotAFileError } from "./errors.js";
import { fileOps } from "./file-ops.js";

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/**
 * A fresh temp name next to the target: same folder means same file system, so the final rename is atomic.
 * Hidden and suffixed `.part` so tools and globs skip it; the random part makes `wx` collisions practically
 * impossible (and `wx` makes one an error instead of a clobbered file).
 */
export function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${cutToBytes(basename(target), 200)}.${randomBytes(6).toString("hex")}.part`,
  );
}

/**
 * `name` cut to at most `limit` UTF-8 bytes, never inside a character: file systems limit a name to 255
 * bytes, not characters (80 × "音" is 240 bytes), and the temp name adds 20 bytes to the target's.
 */
export function cutToBytes(name: string, limit: number): string {
  if (Buffer.byteLength(name) <= limit) return name;
  let bytes = 0;
  let end = 0;
  for (const character of name) {
    bytes += Buffer.byteLength(character);
    if (bytes > limit) break;
    end += character.length;
  }
  return name.slice(0, end);
}

/**
 * Whether a regular file is at `path` (false when nothing is). Anything else there, a symlink included, is a
 * `TargetNotAFileError`: renaming over `/dev/null`, a FIFO or a link to `/dev/stdout` would replace it.
 */
export async function fileExists(path: string): Promise<boolean> {
  let stats: Awaited<ReturnType<typeof fileOps.lstat>>;
  try {
    stats = await fileOps.lstat(path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw error;
  }
  if (stats.isFile()) return true;
  throw new TargetNotAFileError(path, kindOf(stats));
}

function kindOf(stats: Awaited<ReturnType<typeof fileOps.lstat>>): string {
  if (stats.isSymbolicLink()) return "a symbolic link";
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** Best-effort delete of a temp file; a cleanup failure must never hide the error that caused it. */
export async function removeQuietly(path: string): Promise<void> {
  await fileOps.unlink(path).catch(() => {});
}

// link() is unsupported on some file systems (FAT/exFAT, some network and FUSE mounts).
const LINK_UNSUPPORTED = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

/**
 * Puts the finished temp file at `target`.
 *
 * overwrite: a plain rename, atomic on POSIX: readers see the old file or the new one, never a mix.
 *
 * no overwrite: rename would silently replace a file that appeared while we were writing, so instead
 * `link(temp, target)` — it fails with EEXIST if the target exists, atomically — then the temp name is
 * removed. Where hard links are unsupported, the target name is claimed with an exclusive create (`wx`) and
 * the temp file renamed over that placeholder: still race-free (nobody else can claim the name), at the
 * cost of a moment in which the target exists but is empty.
 */
export async function commitTempFile(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await fileOps.rename(temp, target);
    return;
  }
  try {
    await fileOps.link(temp, target);
    await removeQuietly(temp);
    return;
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new TargetExistsError(target);
    if (!LINK_UNSUPPORTED.has(errorCode(error) ?? "")) throw error;
  }
  try {
    await (await fileOps.open(target, "wx")).close();
  } catch (error) {
    throw errorCode(error) === "EEXIST" ? new TargetExistsError(target) : error;
  }
  await fileOps.rename(temp, target);
}
