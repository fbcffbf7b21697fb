// One run per journal at a time: two runs of one batch would each create (and pay for) the same tasks. A lock
// left by a process that died (kill -9) is taken over, so a crash never blocks the rerun.
import { open, readFile, unlink } from "node:fs/promises";
import { BatchLockedError } from "./batch-errors.js";

/** Locks this process holds, so a second run in the same process is refused too. */
const held = new Set<string>();

/** Whether a process with this id is running (EPERM: it is, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function claim(path: string): Promise<boolean> {
  try {
    const handle = await open(path, "wx");
    await handle.writeFile(String(process.pid)).finally(() => handle.close());
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Takes `<journal>.lock`; resolves with the function that releases it. Throws `BatchLockedError` when held. */
export async function lockJournal(journal: string): Promise<() => Promise<void>> {
  const path = `${journal}.lock`;
  if (held.has(path)) throw new BatchLockedError(path, process.pid);
  // Taken before the first await, so two runs started together in this process cannot both get past here.
  held.add(path);
  try {
    for (let tries = 0; !(await claim(path)); tries++) {
      const pid = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      // A lock being written right now reads empty: only a known owner that is gone (or this process, whose
      // runs are all in `held`) leaves a stale lock.
      const stale = Number.isSafeInteger(pid) && pid > 0 && (pid === process.pid || !alive(pid));
      if (!stale || tries > 0) throw new BatchLockedError(path, pid || 0);
      await unlink(path).catch(() => {});
    }
  } catch (error) {
    held.delete(path);
    throw error;
  }
  return async () => {
    held.delete(path);
    await unlink(path).catch(() => {});
  };
}
