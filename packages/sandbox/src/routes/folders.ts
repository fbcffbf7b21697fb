// The folder operations: list (narrowed by limit and search_query) and create, one folder per name.
import type { Schemas } from "@camb-kit/client/spec";
import type { OperationHandler } from "./context.js";
import { detail, json } from "./respond.js";

export const listFolders: OperationHandler = ({ input, state }) => {
  const { limit, search_query } = input.query;
  return json(
    state.folders.list({
      limit: typeof limit === "number" ? limit : null,
      search: typeof search_query === "string" ? search_query : null,
    }),
  );
};

/**
 * `POST /folders/create`. A name already taken is a 409 `{ detail }`: the spec declares no answer for it,
 * and 409 says what happened (a conflict with the account's state, not a malformed request, which is a
 * 422). The success answer is untyped and undocumented upstream ("presumably the new folder's id"): the
 * sandbox answers a message, the id and the name.
 */
export const createFolder: OperationHandler = ({ input, state }) => {
  const { folder_name } = input.body as Schemas["CreateFolderRequest"];
  const id = state.folders.create(folder_name);
  if (id === undefined) return detail(409, `A folder named ${JSON.stringify(folder_name)} exists already`);
  return json({ message: "Folder created", folder_id: id, folder_name });
};
