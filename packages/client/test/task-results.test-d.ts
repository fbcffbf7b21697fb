// Types of the result-side calls, read off the table (no family named): options required exactly where the
// result path takes more than the run id, queries checked against the spec, answers typed per family.
import { describe, expectTypeOf, it } from "vitest";
import {
  type CambClient,
  type families,
  getLanguageResult,
  getResultJson,
  getTranscript,
  type LanguageResultFamily,
  type LanguageResultOptions,
  type paths,
  type ResultAnswer,
  type ResultFamily,
  type ResultOptions,
  type ResultTaskFamily,
  type TranscriptFamily,
  type TranscriptOptions,
} from "../src/index.js";

declare const client: CambClient;
declare const runIdOnly: ResultTaskFamily;
declare const withParams: Exclude<ResultFamily, ResultTaskFamily>;
declare const byLanguage: LanguageResultFamily;
declare const withTranscript: TranscriptFamily;

describe("result-side call types", () => {
  it("a result path that takes more than the run id requires it; a run-id-only one does not", () => {
    void getResultJson(client, runIdOnly, 1);
    void getResultJson(client, withParams, 1, {} as ResultOptions<typeof withParams>);
    // @ts-expect-error the extra path parameters are required
    void getResultJson(client, withParams, 1);
    // @ts-expect-error an options object without them is refused too
    void getResultJson(client, withParams, 1, { signal: undefined });
    // @ts-expect-error a run-id-only result takes no extra path parameter
    void getResultJson(client, runIdOnly, 1, { path: { run_id: 1 } });
  });

  it("the result and transcript sets are the table's", () => {
    type Has<Key extends "result" | "languageResult" | "transcript"> = {
      [F in keyof typeof families]: (typeof families)[F][Key] extends string ? F : never;
    }[keyof typeof families];
    expectTypeOf<ResultFamily>().toEqualTypeOf<Has<"result">>();
    expectTypeOf<LanguageResultFamily>().toEqualTypeOf<Has<"languageResult">>();
    expectTypeOf<TranscriptFamily>().toEqualTypeOf<Has<"transcript">>();
  });

  it("answers are the spec's JSON of each family's own path", () => {
    type Json<P> = P extends keyof paths
      ? paths[P]["get"] extends { responses: { 200: { content: { "application/json": infer Body } } } }
        ? Body
        : never
      : never;
    type Expected<F extends ResultFamily> = Json<(typeof families)[F]["result"]>;
    expectTypeOf<ResultAnswer<typeof runIdOnly>>().toEqualTypeOf<Expected<typeof runIdOnly>>();
  });

  it("per-language and transcript calls take a language and the spec's query", () => {
    void getLanguageResult(client, byLanguage, 1, "es-es", {} as LanguageResultOptions<typeof byLanguage>);
    void getTranscript(client, withTranscript, 1, 54, {} as TranscriptOptions<typeof withTranscript>);
    // @ts-expect-error a query parameter the spec does not declare
    void getTranscript(client, withTranscript, 1, "es-es", { query: { nonsense: true } });
  });
});
