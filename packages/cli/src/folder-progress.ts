// A folder save's progress as one count that never goes back: saveResult reports each file's bytes from zero,
// so the files are told apart here and their bytes added up ("file 3, 1.2 MiB" for the whole folder).
import type { Reporter } from "./progress.js";

interface Progress {
  bytes: number;
  totalBytes: number | undefined;
}

/**
 * An `onProgress` for a folder save that reports to `reporter.folder`. A file has ended when its bytes
 * reached its announced total, or when the count starts lower again (a new file, or a download tried again,
 * which is then counted twice rather than shown going backwards).
 */
export function folderProgress(reporter: Reporter, label: string): (progress: Progress) => void {
  let file = 0;
  let before = 0; // the bytes of the files already written
  let last = 0;
  let lastTotal: number | undefined;
  return ({ bytes, totalBytes }) => {
    const ended = lastTotal !== undefined && last >= lastTotal;
    if (file === 0 || ended || bytes < last) {
      before += last;
      file += 1;
    }
    last = bytes;
    lastTotal = totalBytes;
    reporter.folder(label, file, before + bytes);
  };
}
