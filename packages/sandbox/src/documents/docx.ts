// The text of a .docx: its main part (word/document.xml) unzipped with fflate, paragraphs walked in order.
import { XMLParser } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { UnreadableUpload } from "../uploads/unreadable.js";

const MAIN_PART = "word/document.xml";
/** Bound on the main part's unzipped size: a zip declares it, and a bomb declares it huge. */
const MAX_XML_BYTES = 256 * 1024 * 1024;

// preserveOrder keeps runs in document order; prefixes go (a producer may bind WordprocessingML to any
// prefix); values stay strings (a run reading "007" is text) and keep their spaces (xml:space="preserve").
const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
});

type Node = { [tag: string]: Node[] | string };

/** What a run contributes besides its `<w:t>` text. */
const BREAKS: Record<string, string> = { tab: "\t", br: "\n", cr: "\n" };

function mainPart(bytes: Uint8Array, what: string): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === MAIN_PART && file.originalSize <= MAX_XML_BYTES,
    });
  } catch {
    throw new UnreadableUpload(`${what} is not a .docx: it is not a readable zip archive`);
  }
  const xml = files[MAIN_PART];
  if (!xml) throw new UnreadableUpload(`${what} is not a .docx: it has no readable ${MAIN_PART}`);
  return xml;
}

/**
 * The paragraphs of a .docx's body, in order, each as plain text: `<w:t>` runs joined, tabs and breaks kept.
 * Deleted text (`<w:delText>`) and field codes are not `<w:t>`, so they are left out; the fallback copy of
 * an alternate-content block (`<mc:Fallback>`, a text box written twice) is skipped. Headers, footers and
 * notes live in other parts and are not read.
 */
export function docxParagraphs(bytes: Uint8Array, what = "The file"): string[] {
  const xml = new TextDecoder().decode(mainPart(bytes, what));
  let tree: Node[];
  try {
    tree = parser.parse(xml) as Node[];
  } catch {
    throw new UnreadableUpload(`${what} is not a .docx: ${MAIN_PART} is not well-formed XML`);
  }
  const paragraphs: string[] = [];
  // `parent` is the enclosing element: text counts inside <w:t>, breaks inside a run <w:r> (a <w:tab> in a
  // paragraph's properties is a tab stop, not a tab).
  const walk = (nodes: Node[], parent: string, line: string[]): void => {
    for (const node of nodes) {
      for (const [tag, value] of Object.entries(node)) {
        if (tag === "#text") {
          if (parent === "t") line.push(String(value));
        } else if (tag === "p" && Array.isArray(value)) {
          const own: string[] = [];
          walk(value, tag, own);
          paragraphs.push(own.join(""));
        } else if (parent === "r" && tag in BREAKS) line.push(BREAKS[tag] ?? "");
        else if (tag !== "Fallback" && Array.isArray(value)) walk(value, tag, line);
      }
    }
  };
  walk(tree, "", []);
  return paragraphs;
}
