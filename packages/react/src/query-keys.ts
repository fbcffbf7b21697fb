// The hooks' query keys; the status key matches useCamb()'s, so both share one cache entry.
import { families, type PollableTaskFamily, type TaskFamily } from "@camb-kit/client";

/**
 * Query keys of the hooks and factories. The status key is the one `useCamb().useQuery("get", <status path>,
 * { params: { path } })` builds, so both share one cache entry (and `useCreateAndWait` fills it as it polls).
 * A result key holds the call's extra parameters (a target language, a format) when it has any.
 */
export const cambKeys = {
  taskStatus: (family: PollableTaskFamily, taskId: string) =>
    [
      "get",
      families[family].status,
      { params: { path: { [families[family].statusParam]: taskId } } },
    ] as const,
  result: (family: TaskFamily, runId: number, params: object = {}) =>
    ["camb", "result", family, runId, params] as const,
  languageResult: (family: TaskFamily, runId: number, language: string | number, params: object = {}) =>
    ["camb", "language-result", family, runId, language, params] as const,
  transcript: (family: TaskFamily, runId: number, language: string | number, params: object = {}) =>
    ["camb", "transcript", family, runId, language, params] as const,
  resultAudio: (family: TaskFamily, runId: number) => ["camb", "result-audio", family, runId] as const,
};
