// dictionaryTerms: the terms of a dictionary upload (CSV or .xlsx), one row a term, one column a language.
import { LANGUAGES } from "../data/languages.js";
import type { FilePartInfo } from "../uploads/types.js";
import { UnreadableUpload } from "../uploads/unreadable.js";
import { describeFile, isZip, MAX_DOCUMENT_BYTES, readAll, utf8Text } from "./read-all.js";
import { csvRows, type Rows, xlsxRows } from "./table-rows.js";

export interface DictionaryTerm {
  /** The term in each language it has a cell for, in column order. */
  translations: { language: number; text: string }[];
}

export interface DictionaryTable {
  /** The language of each column, as the API's numeric ids. */
  languages: number[];
  terms: DictionaryTerm[];
}

const byCode = new Map(LANGUAGES.map((language) => [language.short_name.toLowerCase(), language.id]));
const ids = new Set(LANGUAGES.map((language) => language.id));

/** A header cell as a language id: a locale code of the language table (`en-us`, any case) or an id. */
function languageOf(cell: string, column: number, what: string): number {
  const id = /^\d+$/.test(cell) ? Number(cell) : byCode.get(cell.toLowerCase());
  if (id === undefined || !ids.has(id))
    throw new UnreadableUpload(
      `${what}: the header of column ${column} (${JSON.stringify(cell)}) is not a language code such as en-us, nor a language id`,
    );
  return id;
}

/**
 * The layout accepted: the first non-empty row names each column's language (a locale code such as `en-us`
 * or `fr-fr`, or a numeric id from /source-languages); every row under it is one term, its cell in each
 * column the term in that language. Empty cells are languages the term lacks; empty rows are skipped; a
 * term needs one cell at least. Cells are trimmed. A column with cells but no language, a language named
 * twice, or a table without terms is unreadable.
 */
export function termsOf(rows: Rows, what = "The file"): DictionaryTable {
  const cells = rows.map((row) => row.map((cell) => cell.trim()));
  const headerAt = cells.findIndex((row) => row.some((cell) => cell !== ""));
  const header = cells[headerAt];
  if (!header)
    throw new UnreadableUpload(`${what} is empty: it needs a row of language codes, then a row per term`);
  const languages = header.map((cell, i) => (cell === "" ? undefined : languageOf(cell, i + 1, what)));
  const named = languages.filter((id): id is number => id !== undefined);
  if (new Set(named).size !== named.length)
    throw new UnreadableUpload(`${what}: a language is named by two columns of the header row`);
  const terms: DictionaryTerm[] = [];
  for (const [offset, row] of cells.slice(headerAt + 1).entries()) {
    const translations: DictionaryTerm["translations"] = [];
    row.forEach((text, i) => {
      if (text === "") return;
      const language = languages[i];
      if (language === undefined)
        throw new UnreadableUpload(
          `${what}: row ${headerAt + offset + 2} has a cell in column ${i + 1}, which names no language`,
        );
      translations.push({ language, text });
    });
    if (translations.length > 0) terms.push({ translations });
  }
  if (terms.length === 0) throw new UnreadableUpload(`${what} has a language row but no terms under it`);
  return { languages: named, terms };
}

/**
 * The terms of a dictionary file: an .xlsx (told by its bytes: a zip) or CSV text (UTF-8), in the layout
 * `termsOf` describes. Reads the whole file, up to `MAX_DOCUMENT_BYTES`. Shaped as a `FileAnalyser`.
 */
export async function dictionaryTerms(
  stream: ReadableStream<Uint8Array>,
  part?: FilePartInfo,
): Promise<DictionaryTable> {
  const what = describeFile(part);
  const bytes = await readAll(stream, MAX_DOCUMENT_BYTES, what);
  const rows = isZip(bytes) ? await xlsxRows(bytes, what) : csvRows(utf8Text(bytes, what), what);
  return termsOf(rows, what);
}
