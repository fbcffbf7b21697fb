// Small .docx and .xlsx files made in the test (fflate zips of minimal Office Open XML parts), never committed.
import { strToU8, zipSync } from "fflate";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006";

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/**
 * A .docx whose body holds `paragraphs`; each is a list of runs, and a run's "\t" becomes a `<w:tab/>`.
 * `bodyXml` replaces the generated body, for cases a list of runs cannot say.
 */
export function docx(paragraphs: string[][], bodyXml?: string): Uint8Array {
  const run = (text: string) =>
    `<w:r>${text
      .split("\t")
      .map((piece) => `<w:t xml:space="preserve">${xmlText(piece)}</w:t>`)
      .join("<w:tab/>")}</w:r>`;
  const body = bodyXml ?? paragraphs.map((runs) => `<w:p>${runs.map(run).join("")}</w:p>`).join("");
  return zip({
    "[Content_Types].xml": `${XML}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `${XML}<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  });
}

/** An .xlsx with one sheet of `rows`: strings go to the shared-string table, numbers stay numeric cells. */
export function xlsx(rows: (string | number | null)[][]): Uint8Array {
  const strings: string[] = [];
  const column = (i: number) => String.fromCharCode(65 + i);
  const cell = (value: string | number | null, ref: string) => {
    if (value === null) return "";
    if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
    strings.push(value);
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
  };
  const sheetRows = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((value, c) => cell(value, `${column(c)}${r + 1}`)).join("")}</row>`,
    )
    .join("");
  const shared = strings.map((text) => `<si><t>${xmlText(text)}</t></si>`).join("");
  return zip({
    "[Content_Types].xml": `${XML}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${S}" xmlns:r="${R}"><sheets><sheet name="Terms" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="${S}"><sheetData>${sheetRows}</sheetData></worksheet>`,
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${S}" count="${strings.length}" uniqueCount="${strings.length}">${shared}</sst>`,
  });
}

/** A stream of the bytes, as a file part's analyser gets them (in small chunks, to cross boundaries). */
export function streamOf(bytes: Uint8Array, chunk = 7_777): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}
