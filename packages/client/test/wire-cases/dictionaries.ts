// Wire cases of the dictionary operations: list, create from a file, read, delete, and term edits.
import type { Schemas } from "../../src/spec.js";
import type { Case } from "./case.js";

const term = {
  translations: [
    { translation: "CAMB.AI", language: 1 },
    { translation: "CAMB.AI", language: 54 },
  ],
} satisfies Schemas["DictionaryTermRequest"];

export const dictionaryCases: Record<string, Case> = {
  listDictionaries: { call: (c) => c.GET("/dictionaries"), method: "GET", path: "/dictionaries" },
  createDictionaryFromFile: {
    call: (c) =>
      c.POST("/dictionaries/create-from-file", {
        body: {
          dictionary_file: new File(["en-us,es-es\nCAMB.AI,CAMB.AI\n"], "brands.csv", { type: "text/csv" }),
          dictionary_name: "Brand names",
          dictionary_description: "Names that stay as they are",
        },
      }),
    method: "POST",
    path: "/dictionaries/create-from-file",
  },
  getDictionary: {
    call: (c) => c.GET("/dictionaries/{dictionary_id}", { params: { path: { dictionary_id: 12 } } }),
    method: "GET",
    path: "/dictionaries/12",
  },
  deleteDictionary: {
    call: (c) => c.DELETE("/dictionaries/{dictionary_id}", { params: { path: { dictionary_id: 12 } } }),
    method: "DELETE",
    path: "/dictionaries/12",
  },
  getDictionaryDetails: {
    call: (c) =>
      c.GET("/dictionaries/{dictionary_id}/full-details", {
        params: { path: { dictionary_id: 12 }, query: { limit: 50, search_term: "camb ai" } },
      }),
    method: "GET",
    path: "/dictionaries/12/full-details",
    query: { limit: "50", search_term: "camb ai" },
  },
  addDictionaryTerm: {
    call: (c) =>
      c.POST("/dictionaries/{dictionary_id}/add-term", {
        params: { path: { dictionary_id: 12 } },
        body: term,
      }),
    method: "POST",
    path: "/dictionaries/12/add-term",
    json: term,
  },
  updateDictionaryTerm: {
    call: (c) =>
      c.PUT("/dictionaries/term/{dictionary_id}/{term_id}", {
        params: { path: { dictionary_id: 12, term_id: 301 } },
        body: term,
      }),
    method: "PUT",
    path: "/dictionaries/term/12/301",
    json: term,
  },
  deleteDictionaryTerm: {
    call: (c) =>
      c.DELETE("/dictionaries/term/{dictionary_id}/{term_id}", {
        params: { path: { dictionary_id: 12, term_id: 301 } },
      }),
    method: "DELETE",
    path: "/dictionaries/term/12/301",
  },
};
