// The cells of a dictionary table as text rows: CSV through papaparse, .xlsx (its first sheet) through read-excel-file.
import Papa from "papaparse";
import { readSheet } from "read-excel-file/universal";
import { UnreadableUpload } from "../uploads/unreadable.js";

export type Rows = string[][];

/** CSV rows; the delimiter is guessed (Excel writes `;` in some locales), blank lines dropped. */
export function csvRows(text: string, what: string): Rows {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const broken = parsed.errors.find((error) => error.type === "Quotes");
  if (broken)
    throw new UnreadableUpload(`${what} is not valid CSV: ${broken.message} (row ${(broken.row ?? 0) + 1})`);
  return parsed.data;
}

/** The first sheet of an .xlsx, every cell as text (numbers as written, empty cells as ""). */
export async function xlsxRows(bytes: Uint8Array, what: string): Promise<Rows> {
  // read-excel-file takes an ArrayBuffer of exactly the file.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const sheet = await readSheet(buffer);
    return sheet.map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
  } catch (error) {
    throw new UnreadableUpload(`${what} is not a readable .xlsx workbook (${(error as Error).message})`);
  }
}
