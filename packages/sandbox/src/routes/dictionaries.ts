// The dictionary operations: list, create from a CSV/.xlsx upload, read (whole or filtered), edit terms.
import type { Schemas } from "@camb-kit/client/spec";
import { type DictionaryTable, dictionaryTerms } from "../documents/dictionary-terms.js";
import type { TermTranslation } from "../state/dictionaries.js";
import type { FileAnalyser } from "../uploads/types.js";
import { field, type OperationHandler, type RouteContext } from "./context.js";
import { detail, json, validationFailed } from "./respond.js";

/**
 * How `createDictionaryFromFile`'s upload is read while it arrives: `dictionary_file` through
 * `dictionaryTerms`, whose table lands in the part's `analysis` (an unreadable file is a 422 naming it).
 */
export const dictionaryFileAnalysers: Readonly<Record<string, FileAnalyser>> = {
  dictionary_file: dictionaryTerms,
};

// The answers of create, delete and the term edits are untyped upstream and their real shape undocumented:
// the sandbox acknowledges with a message and the ids a client needs next.
const acknowledge = (message: string, ids: Record<string, number>) => json({ message, ...ids });

const dictionaryId = ({ input }: RouteContext) => Number(input.path.dictionary_id);
const termId = ({ input }: RouteContext) => Number(input.path.term_id);
const missingDictionary = (id: number) => detail(404, `Dictionary ${id} not found`);

/**
 * A term's texts as stored, or the 422 for a language named twice: the spec's "one text per language"
 * (the file reader refuses a language named by two columns the same way).
 */
function termTexts(context: RouteContext): TermTranslation[] | Response {
  const { translations } = context.input.body as Schemas["DictionaryTermRequest"];
  const seen = new Set<number>();
  for (const [index, { language }] of translations.entries()) {
    if (seen.has(language))
      return validationFailed([
        {
          loc: ["body", "translations", index, "language"],
          msg: `Language ${language} has a text already: a term has one text per language`,
          type: "value_error",
        },
      ]);
    seen.add(language);
  }
  return translations.map(({ language, translation }) => ({ language, term_text: translation }));
}

export const listDictionaries: OperationHandler = ({ state }) => json(state.dictionaries.list());

export const getDictionary: OperationHandler = (context) => {
  const id = dictionaryId(context);
  const dictionary = context.state.dictionaries.view(id);
  return dictionary ? json(dictionary) : missingDictionary(id);
};

export const getDictionaryDetails: OperationHandler = (context) => {
  const id = dictionaryId(context);
  const { limit, search_term } = context.input.query;
  const dictionary = context.state.dictionaries.view(id, {
    limit: typeof limit === "number" ? limit : null,
    search: typeof search_term === "string" ? search_term : null,
  });
  return dictionary ? json(dictionary) : missingDictionary(id);
};

export const deleteDictionary: OperationHandler = (context) => {
  const id = dictionaryId(context);
  if (!context.state.dictionaries.delete(id)) return missingDictionary(id);
  return acknowledge("Dictionary deleted", { dictionary_id: id });
};

export const addDictionaryTerm: OperationHandler = (context) => {
  const id = dictionaryId(context);
  if (!context.state.dictionaries.has(id)) return missingDictionary(id);
  const texts = termTexts(context);
  if (texts instanceof Response) return texts;
  const term = context.state.dictionaries.addTerm(id, texts) as number;
  return acknowledge("Term added", { dictionary_id: id, term_id: term });
};

export const updateDictionaryTerm: OperationHandler = (context) => {
  const id = dictionaryId(context);
  const term = termId(context);
  if (!context.state.dictionaries.has(id)) return missingDictionary(id);
  const texts = termTexts(context);
  if (texts instanceof Response) return texts;
  if (!context.state.dictionaries.replaceTerm(id, term, texts))
    return detail(404, `Term ${term} not found in dictionary ${id}`);
  return acknowledge("Term updated", { dictionary_id: id, term_id: term });
};

export const deleteDictionaryTerm: OperationHandler = (context) => {
  const id = dictionaryId(context);
  const term = termId(context);
  if (!context.state.dictionaries.has(id)) return missingDictionary(id);
  if (!context.state.dictionaries.deleteTerm(id, term))
    return detail(404, `Term ${term} not found in dictionary ${id}`);
  return acknowledge("Term deleted", { dictionary_id: id, term_id: term });
};

/**
 * `POST /dictionaries/create-from-file`: the terms come from the upload's analysis (`dictionaryFileAnalysers`,
 * run while the body arrives). Without one the file went by unread, and the sandbox says so with a 501
 * rather than create an empty dictionary.
 */
export const createDictionaryFromFile: OperationHandler = ({ input, state }) => {
  const analysis = input.files.dictionary_file?.analysis;
  if (!analysis)
    return detail(501, "The camb-kit sandbox did not read the dictionary file (no analyser for the upload).");
  if (!analysis.ok) throw analysis.error; // an UnreadableUpload is a 422 before this; anything else is a bug
  const table = analysis.value as DictionaryTable;
  const description = field(input.body, "dictionary_description");
  const id = state.dictionaries.create({
    name: String(field(input.body, "dictionary_name")),
    description: typeof description === "string" ? description : null,
    terms: table.terms.map((term) =>
      term.translations.map(({ language, text }) => ({ language, term_text: text })),
    ),
  });
  return acknowledge("Dictionary created", { dictionary_id: id });
};
