// Wire cases of the folder operations: a filtered list and a create.
import type { Case } from "./case.js";

export const folderCases: Record<string, Case> = {
  listFolders: {
    call: (c) => c.GET("/folders", { params: { query: { limit: 10, search_query: "Q3 launch" } } }),
    method: "GET",
    path: "/folders",
    query: { limit: "10", search_query: "Q3 launch" },
  },
  createFolder: {
    call: (c) => c.POST("/folders/create", { body: { folder_name: "Q3 launch" } }),
    method: "POST",
    path: "/folders/create",
    json: { folder_name: "Q3 launch" },
  },
};
