// Shared test body: dictionaries from a CSV or .xlsx upload to their deletion, and their bad input.
import { describe, expect, test } from "vitest";
import { clockedSandbox } from "../helpers/clocked-sandbox.js";
import type { Harness } from "../helpers/harness.js";
import { xlsx } from "../helpers/office-files.js";
import { callOperation, issueLocations } from "../helpers/operation-call.js";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const CSV = "en-us,es-es,fr-fr\ndubbing,doblaje,doublage\nsubtitle,subtítulo,sous-titre\nvoice,voz,voix\n";
const TERM = { translations: [{ translation: "sandbox", language: 1 }] };

type Dictionary = {
  id: number;
  name: string;
  description: string | null;
  created_at: string;
  last_edited_at: string;
  dictionary_terms: { id: number; term_translations: { language: number; term_text: string }[] }[];
  languages: number[];
};

const texts = (d: Dictionary) => d.dictionary_terms.map((t) => t.term_translations.map((x) => x.term_text));

function upload(file: Blob, filename: string, name = "Studio glossary", description?: string): FormData {
  const form = new FormData();
  form.append("dictionary_file", file, filename);
  form.append("dictionary_name", name);
  if (description !== undefined) form.append("dictionary_description", description);
  return form;
}

export function dictionarySuite(harness: Harness): void {
  describe(`dictionaries, ${harness.name}`, () => {
    const sandbox = clockedSandbox(harness, T0);

    test("a CSV upload becomes a dictionary whose terms are added, replaced, filtered and deleted, then it is 404", async () => {
      const base = await sandbox.start();
      const created = await callOperation<{ dictionary_id: number }>(base, "createDictionaryFromFile", {
        body: upload(new Blob([CSV], { type: "text/csv" }), "terms.csv", "Studio glossary", "Words we dub"),
      });
      expect(created.status).toBe(200);
      const path = { dictionary_id: created.body.dictionary_id };
      const listed = (await callOperation<Dictionary[]>(base, "listDictionaries")).body;
      expect(listed).toHaveLength(1);
      const first = listed[0] as Dictionary;
      expect(first).toMatchObject({
        id: path.dictionary_id,
        name: "Studio glossary",
        description: "Words we dub",
      });
      expect(first.created_at).toBe(new Date(T0).toISOString());
      expect(first.last_edited_at).toBe(first.created_at);
      expect(first.languages).toEqual([1, 54, 76]);
      expect(texts(first)).toEqual([
        ["dubbing", "doblaje", "doublage"],
        ["subtitle", "subtítulo", "sous-titre"],
        ["voice", "voz", "voix"],
      ]);
      expect((await callOperation(base, "getDictionary", { path })).body).toEqual(first);

      sandbox.advance(HOUR);
      const added = await callOperation<{ term_id: number }>(base, "addDictionaryTerm", {
        path,
        body: {
          translations: [
            { translation: "narrator", language: 1 },
            { translation: "Erzähler", language: 31 },
          ],
        },
      });
      expect(added.status).toBe(200);
      const voice = first.dictionary_terms[2]?.id as number;
      sandbox.advance(HOUR);
      const replaced = await callOperation(base, "updateDictionaryTerm", {
        path: { ...path, term_id: voice },
        body: { translations: [{ translation: "Voice", language: 1 }] },
      });
      expect(replaced.body).toMatchObject({ term_id: voice });
      const edited = (await callOperation<Dictionary>(base, "getDictionary", { path })).body;
      expect(edited.created_at).toBe(first.created_at);
      expect(edited.last_edited_at).toBe(new Date(T0 + 2 * HOUR).toISOString());
      expect(edited.dictionary_terms.map((t) => t.id)).toEqual([
        ...first.dictionary_terms.map((t) => t.id),
        added.body.term_id,
      ]);
      expect(edited.dictionary_terms[2]?.term_translations).toEqual([{ language: 1, term_text: "Voice" }]);
      expect(edited.languages).toEqual([1, 31, 54, 76]);

      const details = async (query: Record<string, string | number>) =>
        (await callOperation<Dictionary>(base, "getDictionaryDetails", { path, query })).body;
      const firstTexts = async (query: Record<string, string | number>) =>
        texts(await details(query)).map((t) => t[0]);
      expect(await firstTexts({ search_term: "DOB" })).toEqual(["dubbing"]); // any language, any case
      expect(await firstTexts({ search_term: "erzähl" })).toEqual(["narrator"]);
      expect(await firstTexts({ limit: 2 })).toEqual(["dubbing", "subtitle"]);
      expect(await firstTexts({ search_term: "e" })).toHaveLength(4);
      expect(await firstTexts({ search_term: "e", limit: 2 })).toEqual(["dubbing", "subtitle"]);
      // The languages are the dictionary's, whatever the filter keeps.
      expect((await details({ search_term: "zzz" })).languages).toEqual(edited.languages);

      const term = { ...path, term_id: added.body.term_id };
      expect((await callOperation(base, "deleteDictionaryTerm", { path: term })).status).toBe(200);
      expect((await callOperation(base, "deleteDictionaryTerm", { path: term })).status).toBe(404);
      expect((await callOperation<Dictionary>(base, "getDictionary", { path })).body.languages).toEqual([
        1, 54, 76,
      ]);
      expect((await callOperation(base, "deleteDictionary", { path })).body).toMatchObject(path);
      expect(await callOperation(base, "getDictionary", { path })).toEqual({
        status: 404,
        body: { detail: expect.stringContaining(String(path.dictionary_id)) },
      });
      expect((await callOperation(base, "deleteDictionary", { path })).status).toBe(404);
      expect((await callOperation(base, "listDictionaries")).body).toEqual([]);
    });

    test("an .xlsx upload reads its first sheet; dictionary and term ids never repeat", async () => {
      const base = await sandbox.start();
      const bytes = xlsx([
        ["en-us", "de-de"],
        ["sandbox", "Sandkasten"],
        [null, "nur Deutsch"],
      ]);
      const book = new Blob([bytes as Uint8Array<ArrayBuffer>]); // xlsx() builds on a plain ArrayBuffer
      const create = (name: string) =>
        callOperation<{ dictionary_id: number }>(base, "createDictionaryFromFile", {
          body: upload(book, `${name}.xlsx`, name),
        });
      const one = await create("A");
      const two = await create("B");
      expect(two.body.dictionary_id).toBe(one.body.dictionary_id + 1);
      const [a, b] = (await callOperation<Dictionary[]>(base, "listDictionaries")).body as [
        Dictionary,
        Dictionary,
      ];
      expect(a.description).toBeNull();
      expect(a.dictionary_terms.map((t) => t.term_translations)).toEqual([
        [
          { language: 1, term_text: "sandbox" },
          { language: 31, term_text: "Sandkasten" },
        ],
        [{ language: 31, term_text: "nur Deutsch" }],
      ]);
      const ids = [...a.dictionary_terms, ...b.dictionary_terms].map((t) => t.id);
      expect(new Set(ids).size).toBe(4);
      // A term id of one dictionary is unknown under another.
      const foreign = { dictionary_id: b.id, term_id: a.dictionary_terms[0]?.id as number };
      expect((await callOperation(base, "deleteDictionaryTerm", { path: foreign })).status).toBe(404);
    });

    test("a fresh sandbox has no dictionaries, and each dictionary path answers 404 { detail } for an unknown id", async () => {
      const base = await sandbox.start();
      expect((await callOperation(base, "listDictionaries")).body).toEqual([]);
      const path = { dictionary_id: 3001, term_id: 30001 };
      const answers = await Promise.all([
        callOperation(base, "getDictionary", { path }),
        callOperation(base, "getDictionaryDetails", { path }),
        callOperation(base, "deleteDictionary", { path }),
        callOperation(base, "addDictionaryTerm", { path, body: TERM }),
        callOperation(base, "updateDictionaryTerm", { path, body: TERM }),
        callOperation(base, "deleteDictionaryTerm", { path }),
      ]);
      for (const answer of answers)
        expect(answer).toEqual({ status: 404, body: { detail: expect.stringContaining("3001") } });
    });

    test("dictionary bad input is a 422 naming the field, checked before the id is looked up", async () => {
      const base = await sandbox.start();
      const path = { dictionary_id: 3001, term_id: 30001 };
      const one = (translation: string, language: number) => ({ translations: [{ translation, language }] });
      const cases: [ReturnType<typeof callOperation>, unknown[]][] = [
        [callOperation(base, "getDictionary", { path: { dictionary_id: "abc" } }), ["path", "dictionary_id"]],
        [callOperation(base, "getDictionary", { path: { dictionary_id: 0 } }), ["path", "dictionary_id"]],
        [callOperation(base, "getDictionaryDetails", { path, query: { limit: 0 } }), ["query", "limit"]],
        [callOperation(base, "addDictionaryTerm", { path, body: {} }), ["body", "translations"]],
        [
          callOperation(base, "addDictionaryTerm", { path, body: { translations: [] } }),
          ["body", "translations"],
        ],
        [
          callOperation(base, "addDictionaryTerm", { path, body: one("", 1) }),
          ["body", "translations", 0, "translation"],
        ],
        [
          callOperation(base, "updateDictionaryTerm", { path, body: one("x", 0) }),
          ["body", "translations", 0, "language"],
        ],
        [callOperation(base, "deleteDictionaryTerm", { path: { ...path, term_id: 0 } }), ["path", "term_id"]],
      ];
      for (const [answer, loc] of cases) expect(issueLocations(await answer)).toContainEqual(loc);
      const form = new FormData();
      form.append("dictionary_file", "a text, not a file");
      expect(issueLocations(await callOperation(base, "createDictionaryFromFile", { body: form }))).toEqual(
        expect.arrayContaining([
          ["body", "dictionary_file"],
          ["body", "dictionary_name"],
        ]),
      );
      expect((await callOperation(base, "listDictionaries")).body).toEqual([]);
    });

    test("a term naming a language twice, or an unreadable file, is a 422 naming it and changes nothing", async () => {
      const base = await sandbox.start();
      const created = await callOperation<{ dictionary_id: number }>(base, "createDictionaryFromFile", {
        body: upload(new Blob([CSV]), "terms.csv"),
      });
      const path = { dictionary_id: created.body.dictionary_id };
      const twice = {
        translations: [
          { translation: "a", language: 1 },
          { translation: "b", language: 1 },
        ],
      };
      expect(issueLocations(await callOperation(base, "addDictionaryTerm", { path, body: twice }))).toEqual([
        ["body", "translations", 1, "language"],
      ]);
      const badHeader = await callOperation(base, "createDictionaryFromFile", {
        body: upload(new Blob(["english,french\nhello,bonjour\n"]), "terms.csv"),
      });
      expect(issueLocations(badHeader)).toEqual([["body", "dictionary_file"]]);
      expect(JSON.stringify(badHeader.body)).toContain("not a language code");
      const empty = await callOperation(base, "createDictionaryFromFile", {
        body: upload(new Blob([]), "empty.csv"),
      });
      expect(issueLocations(empty)).toEqual([["body", "dictionary_file"]]);
      const all = (await callOperation<Dictionary[]>(base, "listDictionaries")).body;
      expect(all.map((d) => d.dictionary_terms.length)).toEqual([3]);
    });
  });
}
