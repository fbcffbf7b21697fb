// SandboxState's resources (dictionaries, folders, live streams): reset forgets them and restarts their ids.
import type { Schemas } from "@camb-kit/client/spec";
import { expect, test } from "vitest";
import { resolveOptions } from "../src/state/options.js";
import { SandboxState } from "../src/state/store.js";

const STREAM: Schemas["CreateLiveStreamRequest"] = {
  voices: [147320],
  dictionaries: [],
  config: {},
  source_stream: { language: 1, url: "srt://ingest.example.com:9000" },
  target_streams: [{ languages: [54], url: "srt://out.example.com:9001", type: 1 }],
};

function fill(state: SandboxState) {
  return {
    dictionary: state.dictionaries.create({
      name: "Glossary",
      description: null,
      terms: [[{ language: 1, term_text: "sandbox" }]],
    }),
    folder: state.folders.create("Trailers"),
    stream: state.liveStreams.create(STREAM),
  };
}

test("reset() forgets every dictionary, folder and live stream, and the same calls get the same ids again", () => {
  const state = new SandboxState(resolveOptions({ now: () => 0 }));
  const before = fill(state);
  expect(before.stream.taskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  state.reset();
  expect(state.dictionaries.list()).toEqual([]);
  expect(state.folders.list()).toEqual([]);
  expect(state.liveStreams.get(before.stream.id)).toBeUndefined();
  const after = fill(state);
  expect(after.dictionary).toBe(before.dictionary);
  expect(after.folder).toBe(before.folder); // "Trailers" is free again
  expect(after.stream.id).toBe(before.stream.id);
  expect(after.stream.taskId).toBe(before.stream.taskId);
});
