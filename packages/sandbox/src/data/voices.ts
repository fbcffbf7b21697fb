// The sandbox account's built-in voice library, and the shape of a voice before it is given an id.
import type { components } from "@camb-kit/client/spec";

export type Voice = components["schemas"]["Voice"];

/** A voice before it has an id (Voice allows extra keys, so `Omit` would lose the known ones). */
export type NewVoice = Pick<
  Voice,
  "voice_name" | "gender" | "age" | "language" | "transcript" | "description" | "is_published" | "signed_url"
>;

/**
 * The account's voice library before any cloning: a few realistic entries (147320 is the id the CAMB docs
 * use in their examples). Genders use the spec's codes (1 male, 2 female), languages the numeric ids.
 */
export const BUILTIN_VOICES: readonly Voice[] = [
  {
    id: 147320,
    voice_name: "Alice",
    gender: 2,
    age: 32,
    language: 1,
    transcript: null,
    description: "Warm, clear American English narrator.",
    is_published: true,
    signed_url: null,
  },
  {
    id: 147321,
    voice_name: "Marcus",
    gender: 1,
    age: 45,
    language: 35,
    transcript: null,
    description: "Deep British English voice for documentaries.",
    is_published: true,
    signed_url: null,
  },
  {
    id: 147322,
    voice_name: "Lucía",
    gender: 2,
    age: 27,
    language: 54,
    transcript: null,
    description: "Bright Castilian Spanish voice, conversational.",
    is_published: true,
    signed_url: null,
  },
  {
    id: 147323,
    voice_name: "Hiro",
    gender: 1,
    age: 38,
    language: 88,
    transcript: null,
    description: "Calm Japanese voice for e-learning.",
    is_published: true,
    signed_url: null,
  },
  {
    id: 147324,
    voice_name: "Amélie",
    gender: 2,
    age: null,
    language: 76,
    transcript: null,
    description: "Soft French voice, audiobooks.",
    is_published: false,
    signed_url: null,
  },
];
