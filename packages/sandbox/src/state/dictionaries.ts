// The account's dictionaries: terms with one text per language, edited in place, dated by the sandbox clock.
import type { Schemas } from "@camb-kit/client/spec";

export type Dictionary = Schemas["Dictionary"];
export type TermTranslation = Schemas["TermTranslation"];

export interface NewDictionary {
  name: string;
  description: string | null;
  /** Each term's texts, one per language. */
  terms: readonly (readonly TermTranslation[])[];
}

/** How `full-details` narrows the terms: at most `limit`, only those with a text containing `search`. */
export interface TermFilter {
  limit?: number | null;
  search?: string | null;
}

interface DictionaryRecord {
  id: number;
  name: string;
  description: string | null;
  createdAt: number;
  lastEditedAt: number;
  /** By term id, in the order the terms were added. */
  terms: Map<number, TermTranslation[]>;
}

// Ranges apart from the other ids (runs 10 001, voices 200 001) so a test that mixes them up fails.
const FIRST_DICTIONARY_ID = 3_001;
// Term ids are unique across dictionaries, as database ids are, so a term id under another dictionary is a 404.
const FIRST_TERM_ID = 30_001;

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether a term has a text containing `search`, case-insensitively (a search box's behaviour). */
function matches(translations: readonly TermTranslation[], search: string): boolean {
  const wanted = search.toLowerCase();
  return translations.some((t) => t.term_text.toLowerCase().includes(wanted));
}

/** Every dictionary the sandbox account holds, with ids allocated in order from a fixed start. */
export class Dictionaries {
  readonly #records = new Map<number, DictionaryRecord>();
  #nextId = FIRST_DICTIONARY_ID;
  #nextTermId = FIRST_TERM_ID;

  constructor(private readonly now: () => number) {}

  create(dictionary: NewDictionary): number {
    const id = this.#nextId++;
    const at = this.now();
    const terms = new Map<number, TermTranslation[]>();
    for (const translations of dictionary.terms) terms.set(this.#nextTermId++, [...translations]);
    this.#records.set(id, {
      id,
      name: dictionary.name,
      description: dictionary.description,
      createdAt: at,
      lastEditedAt: at,
      terms,
    });
    return id;
  }

  has(id: number): boolean {
    return this.#records.has(id);
  }

  /** The dictionary as the API answers it, its terms narrowed by `filter`; undefined when unknown. */
  view(id: number, filter: TermFilter = {}): Dictionary | undefined {
    const record = this.#records.get(id);
    if (!record) return undefined;
    let terms = [...record.terms];
    const { limit, search } = filter;
    if (search) terms = terms.filter(([, translations]) => matches(translations, search));
    if (limit != null) terms = terms.slice(0, limit);
    // The languages of the whole dictionary, whatever the filter kept.
    const languages = new Set<number>();
    for (const translations of record.terms.values()) for (const t of translations) languages.add(t.language);
    return {
      id: record.id,
      name: record.name,
      description: record.description,
      created_at: iso(record.createdAt),
      last_edited_at: iso(record.lastEditedAt),
      dictionary_terms: terms.map(([termId, translations]) => ({
        id: termId,
        term_translations: translations.map((t) => ({ ...t })),
      })),
      languages: [...languages].sort((a, b) => a - b),
    };
  }

  /** Every dictionary, oldest first, with all its terms. */
  list(): Dictionary[] {
    return [...this.#records.keys()].map((id) => this.view(id) as Dictionary);
  }

  delete(id: number): boolean {
    return this.#records.delete(id);
  }

  /** Adds a term; its id, or undefined when the dictionary is unknown. */
  addTerm(id: number, translations: readonly TermTranslation[]): number | undefined {
    const record = this.#records.get(id);
    if (!record) return undefined;
    const termId = this.#nextTermId++;
    record.terms.set(termId, [...translations]);
    record.lastEditedAt = this.now();
    return termId;
  }

  /** Replaces every text of a term; false when the dictionary or the term is unknown. */
  replaceTerm(id: number, termId: number, translations: readonly TermTranslation[]): boolean {
    const record = this.#records.get(id);
    if (!record?.terms.has(termId)) return false;
    record.terms.set(termId, [...translations]);
    record.lastEditedAt = this.now();
    return true;
  }

  /** Deletes a term; false when the dictionary or the term is unknown. */
  deleteTerm(id: number, termId: number): boolean {
    const record = this.#records.get(id);
    if (!record?.terms.delete(termId)) return false;
    record.lastEditedAt = this.now();
    return true;
  }

  clear(): void {
    this.#records.clear();
    this.#nextId = FIRST_DICTIONARY_ID;
    this.#nextTermId = FIRST_TERM_ID;
  }
}
