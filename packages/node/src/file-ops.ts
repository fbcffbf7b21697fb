import { link, lstat, mkdir, open, rename, unlink } from "node:fs/promises";

/**
 * The file-system calls the save path makes, gathered in one object so tests can make one of them fail or
 * pause (a rename that fails, an abort that lands during the rename) without mocking modules. Internal.
 */
export const fileOps = { link, lstat, mkdir, open, rename, unlink };
