// Story documents (.txt, .docx) and dictionary files (CSV, .xlsx) read from their streams, and refused clearly.
import { describe, expect, test } from "vitest";
import { dictionaryTerms } from "../src/documents/dictionary-terms.js";
import { documentText } from "../src/documents/document-text.js";
import { MAX_DOCUMENT_BYTES } from "../src/documents/read-all.js";
import { UnreadableUpload } from "../src/uploads/unreadable.js";
import { docx, streamOf, xlsx } from "./helpers/office-files.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const part = (name: string) => ({ field: "file", name, type: "application/octet-stream" });

describe("documentText", () => {
  test("a UTF-8 .txt is its text, a BOM dropped and CRLF line ends made LF", async () => {
    const bytes = utf8("\ufeffOnce upon a time,\r\nin Zürich — a story.\r\n");
    expect(await documentText(streamOf(bytes, 5))).toBe("Once upon a time,\nin Zürich — a story.\n");
  });

  test("a .docx is its paragraphs, one per line, runs joined and tabs kept", async () => {
    const bytes = docx([["Chapter ", "One"], [], ["It was a dark\tand stormy night & all that."]]);
    expect(await documentText(streamOf(bytes), part("story.docx"))).toBe(
      "Chapter One\n\nIt was a dark\tand stormy night & all that.",
    );
  });

  test("a .docx leaves out deleted text, tab stops and the fallback copy of a text box", async () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      "<w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText> deleted</w:delText></w:r></w:del>" +
      "<w:r><w:br/><w:t>007</w:t></w:r></w:p>" +
      '<mc:AlternateContent xmlns:mc="urn:mc"><mc:Choice><w:p><w:r><w:t>Box</w:t></w:r></w:p></mc:Choice>' +
      "<mc:Fallback><w:p><w:r><w:t>Box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>";
    expect(await documentText(streamOf(docx([], body)))).toBe("Kept\n007\nBox");
  });

  test.each([
    ["Latin-1 text", new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /is not UTF-8 text/],
    ["binary bytes", new Uint8Array([0x41, 0x00, 0x42]), /is binary, not text/],
    [
      "a broken zip",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      /is not a \.docx: it is not a readable zip/,
    ],
    ["a zip without word/document.xml", xlsx([["en-us"]]), /has no readable word\/document\.xml/],
  ])("%s is an UnreadableUpload saying why", async (_, bytes, message) => {
    const reading = documentText(streamOf(bytes), part("story.docx"));
    await expect(reading).rejects.toBeInstanceOf(UnreadableUpload);
    await expect(reading).rejects.toThrow(message);
  });

  test("a document over the bound is refused without reading on", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    await expect(documentText(endless)).rejects.toThrow(/too large to read: the limit is 52428800 bytes/);
    expect(pulled).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES + 2 * chunk.length);
  });
});

describe("dictionaryTerms", () => {
  const expected = {
    languages: [1, 76, 54],
    terms: [
      {
        translations: [
          { language: 1, text: "camb-kit" },
          { language: 76, text: "camb-kit" },
          { language: 54, text: "camb-kit" },
        ],
      },
      {
        translations: [
          { language: 1, text: "voice, cloned" },
          { language: 76, text: "voix clonée" },
        ],
      },
    ],
  };

  test("CSV: a header row of language codes (any case) or ids, then a row per term; blanks skipped", async () => {
    const csv = 'EN-US,fr-fr,54\r\ncamb-kit,camb-kit, camb-kit \r\n\r\n"voice, cloned",voix clonée,\r\n';
    expect(await dictionaryTerms(streamOf(utf8(csv), 3))).toEqual(expected);
  });

  test("CSV with semicolons, as Excel writes it in some locales", async () => {
    const csv = "en-us;fr-fr;es-es\ncamb-kit;camb-kit;camb-kit\nvoice, cloned;voix clonée;\n";
    expect(await dictionaryTerms(streamOf(utf8(csv)))).toEqual(expected);
  });

  test(".xlsx: the first sheet in the same layout, numeric id cells included", async () => {
    const workbook = xlsx([
      ["en-us", "fr-fr", 54],
      ["camb-kit", "camb-kit", "camb-kit"],
      [null, null, null],
      ["voice, cloned", "voix clonée", null],
    ]);
    expect(await dictionaryTerms(streamOf(workbook), part("terms.xlsx"))).toEqual(expected);
  });

  test.each([
    [
      "an unknown language header",
      "en-us,klingon\nhello,nuqneH\n",
      /column 2 \("klingon"\) is not a language code/,
    ],
    ["a language named twice", "en-us,1\nhello,hello\n", /named by two columns/],
    [
      "a cell under no language",
      "en-us,\nhello,bonjour\n",
      /row 2 has a cell in column 2, which names no language/,
    ],
    ["a header and no terms", "en-us,fr-fr\n\n", /no terms under it/],
    ["nothing at all", "\n\n", /is empty/],
    ["an unclosed quote", 'en-us,fr-fr\n"hello,bonjour\n', /is not valid CSV/],
    ["a zip that is no workbook", docx([["x"]]), /is not a readable \.xlsx workbook/],
  ])("%s is an UnreadableUpload saying why", async (_, content, message) => {
    const bytes = typeof content === "string" ? utf8(content) : content;
    const reading = dictionaryTerms(streamOf(bytes), part("terms.csv"));
    await expect(reading).rejects.toBeInstanceOf(UnreadableUpload);
    await expect(reading).rejects.toThrow(message);
  });
});
