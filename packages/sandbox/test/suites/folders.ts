// Shared test body: folders created, listed (narrowed by search_query and limit), one per name.
import { describe, expect, test } from "vitest";
import { clockedSandbox } from "../helpers/clocked-sandbox.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation, issueLocations } from "../helpers/operation-call.js";

export function folderSuite(harness: Harness): void {
  describe(`folders, ${harness.name}`, () => {
    const sandbox = clockedSandbox(harness, Date.parse("2026-01-01T00:00:00Z"));

    test("folders are listed with their team id and name only, narrowed by search_query and limit", async () => {
      const base = await sandbox.start();
      const ids: unknown[] = [];
      for (const folder_name of ["Trailers", "Podcasts", "Trailer cuts"]) {
        const created = await callOperation<{ folder_id: number }>(base, "createFolder", {
          body: { folder_name },
        });
        expect(created.status).toBe(200);
        ids.push(created.body.folder_id);
      }
      expect(ids.every(Number.isInteger)).toBe(true);
      expect(new Set(ids).size).toBe(3);

      const all = await callOperation<{ team_id: number; name: string }[]>(base, "listFolders");
      expect(all.body.map((folder) => folder.name)).toEqual(["Trailers", "Podcasts", "Trailer cuts"]);
      for (const folder of all.body) expect(Object.keys(folder).sort()).toEqual(["name", "team_id"]);
      expect(new Set(all.body.map((folder) => folder.team_id)).size).toBe(1);

      const names = async (query: Record<string, string | number>) =>
        (await callOperation<{ name: string }[]>(base, "listFolders", { query })).body.map((f) => f.name);
      expect(await names({ search_query: "trailer" })).toEqual(["Trailers", "Trailer cuts"]);
      expect(await names({ limit: 2 })).toEqual(["Trailers", "Podcasts"]);
      expect(await names({ search_query: "TRAILER", limit: 1 })).toEqual(["Trailers"]);
      expect(await names({ search_query: "music" })).toEqual([]);
    });

    test("a folder name already taken is a 409 { detail } and listed once; bad input is a 422", async () => {
      const base = await sandbox.start();
      expect((await callOperation(base, "createFolder", { body: { folder_name: "Dubs" } })).status).toBe(200);
      const again = await callOperation(base, "createFolder", { body: { folder_name: "Dubs" } });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({ detail: expect.stringContaining("Dubs") });
      expect(issueLocations(await callOperation(base, "createFolder", { body: {} }))).toEqual([
        ["body", "folder_name"],
      ]);
      expect(
        issueLocations(await callOperation(base, "createFolder", { body: { folder_name: "" } })),
      ).toEqual([["body", "folder_name"]]);
      expect(issueLocations(await callOperation(base, "listFolders", { query: { limit: 0 } }))).toEqual([
        ["query", "limit"],
      ]);
      expect((await callOperation(base, "listFolders")).body).toEqual([
        { team_id: expect.any(Number), name: "Dubs" },
      ]);
    });
  });
}
