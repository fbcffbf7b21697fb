// The spec entry's helpers: routing concrete paths to operations, reading Content-Types against the media
// table, and the one rule for trusting a Content-Length.
import { describe, expect, test } from "vitest";
import { declaredContentLength } from "../src/internal.js";
import {
  extensionOf,
  families,
  isOperationPath,
  matchOperation,
  mediaKind,
  mediaTypes,
  normalizeMediaType,
  operations,
  sameMediaType,
} from "../src/spec.js";

describe("matchOperation", () => {
  test("finds every operation of the spec at its own path, with its parameters decoded", () => {
    for (const [operationId, { method, path }] of Object.entries(operations)) {
      const concrete = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(`${name} a/b`));
      expect(matchOperation(method, concrete)).toEqual({
        operationId,
        params: Object.fromEntries(
          [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, `${name} a/b`]),
        ),
      });
    }
  });

  test("is exact about method, segments and encoding", () => {
    const status = families.tts.status.replace("{task_id}", "abc");
    expect(matchOperation("get", status)?.operationId).toBe("getSpeechTaskStatus");
    expect(matchOperation("POST", status)).toBeUndefined();
    expect(matchOperation("GET", `${status}/extra`)).toBeUndefined();
    expect(matchOperation("GET", families.tts.status.replace("{task_id}", "%E0%A4%A"))).toBeUndefined();
    expect(matchOperation("GET", `${operations.listVoices.path}.json`)).toBeUndefined();
  });

  test("isOperationPath tells a wrong method (405) from an unknown path (404)", () => {
    expect(isOperationPath(families.tts.create)).toBe(true);
    expect(isOperationPath("/no-such-path")).toBe(false);
  });
});

describe("media types", () => {
  test("normalising drops parameters and case and maps aliases to the spec's types", () => {
    expect(normalizeMediaType("Audio/X-WAV; codecs=1")).toBe("audio/wav");
    expect(sameMediaType("audio/x-flac", "audio/flac; q=1")).toBe(true);
    expect(sameMediaType("audio/wav", "audio/flac")).toBe(false);
  });

  test("every media type of the spec has its extension, and every family's extension is its result's", () => {
    for (const [type, entry] of Object.entries(mediaTypes))
      expect(extensionOf(`${type}; x=1`)).toBe(entry.extension);
    for (const family of Object.values(families))
      expect(extensionOf(family.resultMediaType)).toBe(family.fileExtension ?? undefined);
    expect(extensionOf("application/x-unknown")).toBeUndefined();
    expect(extensionOf(undefined)).toBeUndefined();
  });

  test("mediaKind: the spec's binary types and any audio are bytes; JSON, text and HTML are text", () => {
    for (const [type, entry] of Object.entries(mediaTypes))
      expect(mediaKind(type)).toBe(entry.binary ? "binary" : "text");
    expect(mediaKind("audio/ogg")).toBe("binary");
    expect(mediaKind("binary/octet-stream")).toBe("unknown");
    for (const text of ["text/html; charset=utf-8", "application/problem+json", "application/xml"])
      expect(mediaKind(text)).toBe("text");
    expect(mediaKind(null)).toBe("unknown");
  });
});

describe("declaredContentLength", () => {
  const headers = (init: Record<string, string>) => new Headers(init);
  test("trusts plain digits of an unencoded body", () => {
    expect(declaredContentLength(headers({ "content-length": "1024" }))).toBe(1024);
    expect(declaredContentLength(headers({ "content-length": " 0 " }))).toBe(0);
  });

  test("ignores what it cannot trust: absent, malformed, a list, an encoded body, an unsafe number", () => {
    for (const value of ["", "12abc", "-1", "1.5", "12, 12", "1e3", "99999999999999999999"])
      expect(declaredContentLength(headers({ "content-length": value })), value).toBeUndefined();
    expect(declaredContentLength(headers({}))).toBeUndefined();
    expect(
      declaredContentLength(headers({ "content-length": "10", "content-encoding": "gzip" })),
    ).toBeUndefined();
  });
});
