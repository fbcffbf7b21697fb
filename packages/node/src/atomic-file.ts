// The temp-file-then-rename steps of a save: temp names, existence checks, cleanup, and a race-free commit.
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { TargetExistsError, TargetNotAFileError } from "./errors.js";
import { fileOps } from "./file-ops.js";

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

// A temp name is `.<target's name>.<random hex>.part`: what tempPathFor makes and the matchers below know.
const TEMP_SUFFIX = ".part";
const TEMP_ID_BYTES = 6;
const TEMP_ID = new RegExp(`^[0-9a-f]{${TEMP_ID_BYTES * 2}}$`);

/** The part of a temp name that comes from its target: the target's name, cut to fit, between dots. */
const tempPrefixFor = (target: string) => `.${cutToBytes(basename(target), 200)}.`;

/**
 * A fresh temp name next to the target: same folder means same file system, so the final rename is atomic.
 * Hidden and suffixed `.part` so tools and globs skip it; the random part makes `wx` collisions practically
 * impossible (and `wx` makes one an error instead of a clobbered file).
 */
export function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `${tempPrefixFor(target)}${randomBytes(TEMP_ID_BYTES).toString("hex")}${TEMP_SUFFIX}`,
  );
}

/** Whether the file name `name` is one tempPathFor makes, for whatever target. */
export function isTempName(name: string): boolean {
  if (!name.startsWith(".") || !name.endsWith(TEMP_SUFFIX)) return false;
  const stem = name.slice(0, -TEMP_SUFFIX.length);
  const dot = stem.length - TEMP_ID_BYTES * 2 - 1;
  // `.` + at least one character of the target's name, then `.` + the random part.
  return dot >= 2 && stem[dot] === "." && TEMP_ID.test(stem.slice(dot + 1));
}

/**
 * Whether `candidate` is a temp file tempPathFor may have made for `target`: in the same folder, named after
 * that target, with any random part. A crashed save leaves such a file behind; nothing else matches.
 */
export function isTempPathFor(target: string, candidate: string): boolean {
  const name = basename(candidate);
  const prefix = tempPrefixFor(target);
  return (
    dirname(resolve(candidate)) === dirname(resolve(target)) &&
    name.startsWith(prefix) &&
    name.length === prefix.length + TEMP_ID_BYTES * 2 + TEMP_SUFFIX.length &&
    isTempName(name)
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
