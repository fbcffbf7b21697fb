// The hooks' query keys; the status key matches useCamb()'s, so both share one cache entry.
import { type AudioTaskFamily, families, type TaskFamily } from "@camb-kit/client";

/**
 * Query keys of the hooks. The status key is the one `useCamb().useQuery("get", <status path>, ...)` builds,
 * so both share one cache entry (and `useCreateAndWait` can fill it as it polls).
 */
export const cambKeys = {
  taskStatus: (family: TaskFamily, taskId: string) =>
    ["get", families[family].status, { params: { path: { task_id: taskId } } }] as const,
  resultAudio: (family: AudioTaskFamily, runId: number) => ["camb", "result-audio", family, runId] as const,
  resultJson: (family: TaskFamily, runId: number) => ["camb", "result-json", family, runId] as const,
};
