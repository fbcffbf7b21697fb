// Translation: the texts of a task "translated" (deterministic, recognisable, one per text sent), and the
// deprecated single-text stream, answered as plain text in chunks.
import type { Schemas } from "@camb-kit/client/spec";
import { resolveLanguage } from "../language/language-input.js";
import { translateText } from "../language/translate.js";
import type { Json } from "../openapi/json.js";
import type { RunRecord } from "../state/tasks.js";
import { field, type OperationHandler, type RouteContext } from "./context.js";

/** `GET /translation-result/{run_id}`: one translated text per input text, in order. */
export async function translationResult(_context: RouteContext, run: RunRecord): Promise<Json> {
  const target = resolveLanguage(field(run.input, "target_language"));
  const texts = field(run.input, "texts");
  const result: Schemas["TranslationResult"] = {
    texts: (Array.isArray(texts) ? texts : []).map((text) => translateText(String(text), target)),
  };
  return result as Json;
}

/** Credits the real endpoint reports for a text (the docs give no rate; one per 100 characters here). */
const creditsFor = (text: string) => Math.max(1, Math.ceil(text.length / 100));

/** `POST /translation/stream`: the translation as plain text, one word per chunk, as the API streams it. */
export const streamTranslation: OperationHandler = ({ input }) => {
  const text = String(field(input.body, "text") ?? "");
  const translated = translateText(text, resolveLanguage(field(input.body, "target_language")));
  const words = translated.split(/(?<= )/);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const word = words.shift();
      if (word === undefined) controller.close();
      else controller.enqueue(encoder.encode(word));
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/plain; charset=utf-8", "x-credits-required": String(creditsFor(text)) },
  });
};
