// The file-system calls of the save path in one object, so tests can fail or pause one without module mocks.
import { close, open as openCallback } from "node:fs";
import { link, lstat, mkdir, open, rename, rmdir, unlink } from "node:fs/promises";
import { promisify } from "node:util";

/**
 * The file-system calls the save path makes, gathered in one object so tests can make one of them fail or
 * pause (a rename that fails, an abort that lands during the rename) without mocking modules. Internal.
 *
 * `openFd`/`closeFd` give a numeric descriptor for `fs.createWriteStream({ fd })`: a write stream on a
 * FileHandle goes through promise-based writes, measurably slower for large files than the callback API.
 */
export const fileOps = {
  link,
  lstat,
  mkdir,
  open,
  rename,
  rmdir,
  unlink,
  openFd: promisify(openCallback) as (path: string, flags: string) => Promise<number>,
  closeFd: promisify(close),
};
