// fsync of a saved file and (best effort) of its folder, for saves that must survive a power cut.
import { fileOps } from "./file-ops.js";

/**
 * fsync through a fresh descriptor: on POSIX fsync flushes the file (the inode), whichever descriptor wrote
 * it, so the write stream can own and close its own handle.
 */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await fileOps.open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable. Best effort: folders cannot be opened or synced on every platform. */
export async function fsyncFolder(path: string): Promise<void> {
  try {
    const handle = await fileOps.open(path, "r");
    await handle.sync().finally(() => handle.close());
  } catch {
    // Windows (EISDIR/EPERM) and some file systems: the rename is as durable as the platform allows.
  }
}
