// The voice and language operations: the listings, and creating a custom voice from a multipart upload.
import { LANGUAGES } from "../data/languages.js";
import type { NewVoice, Voice } from "../data/voices.js";
import { field, type OperationHandler } from "./context.js";
import { json, validationFailed } from "./respond.js";

export const listVoices: OperationHandler = ({ state }) => json(state.voices);

export const listLanguages: OperationHandler = () => json(LANGUAGES);

/** `POST /create-custom-voice`: multipart, validated by the spec (voice_name, gender, file required). */
export const createCustomVoice: OperationHandler = ({ input, state }) => {
  const file = input.files.file;
  // An empty upload passes the schema (it is a file) but cannot be cloned; answer like a validation error.
  if (!file || file.size === 0)
    return validationFailed([
      { loc: ["body", "file"], msg: "The reference audio file is empty", type: "value_error" },
    ]);
  const body = input.body;
  const text = (name: string) => {
    const value = field(body, name);
    return typeof value === "string" ? value : null;
  };
  const number = (name: string) => {
    const value = field(body, name);
    return typeof value === "number" ? value : null;
  };
  const voice: NewVoice = {
    voice_name: text("voice_name") ?? "Custom voice",
    gender: number("gender") as Voice["gender"],
    age: number("age"),
    language: number("language"),
    transcript: null,
    description: text("description"),
    is_published: field(body, "publish_voice_to_market_place") === true,
    signed_url: null,
  };
  return json({ voice_id: state.addVoice(voice) });
};
