// The account's folders: names unique per sandbox, listed (as upstream) without their ids.
import type { Schemas } from "@camb-kit/client/spec";

export type Folder = Schemas["Folder"];

/** The one team a sandbox account belongs to; every folder carries it. */
export const SANDBOX_TEAM_ID = 7_001;

// Apart from the other id ranges (dictionaries 3 001, runs 10 001) so a mixed-up id is caught.
const FIRST_FOLDER_ID = 4_001;

/** How `GET /folders` narrows the list: at most `limit`, only names containing `search`. */
export interface FolderFilter {
  limit?: number | null;
  search?: string | null;
}

export class Folders {
  /** Folder id by name, in creation order. */
  readonly #byName = new Map<string, number>();
  #nextId = FIRST_FOLDER_ID;

  /**
   * A new folder's id, or undefined when one already has this name. Names compare exactly (case and
   * spaces count): the sandbox refuses only what is certainly a duplicate.
   */
  create(name: string): number | undefined {
    if (this.#byName.has(name)) return undefined;
    const id = this.#nextId++;
    this.#byName.set(name, id);
    return id;
  }

  /** The folders, oldest first; `search` matches case-insensitively, as a search box does. */
  list({ limit, search }: FolderFilter = {}): Folder[] {
    let names = [...this.#byName.keys()];
    if (search) names = names.filter((name) => name.toLowerCase().includes(search.toLowerCase()));
    if (limit != null) names = names.slice(0, limit);
    return names.map((name) => ({ team_id: SANDBOX_TEAM_ID, name }));
  }

  clear(): void {
    this.#byName.clear();
    this.#nextId = FIRST_FOLDER_ID;
  }
}
