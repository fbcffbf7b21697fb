// The temp-file-then-rename steps of a save: temp names, existence checks, cleanup, and a race-free commit.
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { TargetExistsError } from "./errors.js";
import { fileOps } from "./file-ops.js";

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/**
 * A fresh temp name next to the target: same folder means same file system, so the final rename is atomic.
 * Hidden and suffixed `.part` so tools and globs skip it; the random part makes `wx` collisions practically
 * impossible (and `wx` makes one an error instead of a clobbered file).
 */
export function tempPathFor(target: string): string {
  const name = basename(target).slice(0, 200); // keep the result under the usual 255-byte name limit
  return join(dirname(target), `.${name}.${randomBytes(6).toString("hex")}.part`);
}

/** True when something (even a dangling symlink) exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await fileOps.lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw error;
  }
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
