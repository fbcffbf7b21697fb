// What a sandbox remembers between requests (tasks, runs, voices, dictionaries, folders, streams, files).
import type { TaskFamily } from "@camb-kit/client/spec";
import { BUILTIN_VOICES, type NewVoice, type Voice } from "../data/voices.js";
import type { Json } from "../openapi/json.js";
import { seededRandom } from "../random.js";
import { Dictionaries } from "./dictionaries.js";
import { Folders } from "./folders.js";
import { LiveStreams } from "./live-streams.js";
import type { ResolvedOptions } from "./options.js";
import type { SourceMedia } from "./source-media.js";
import { ObjectStore } from "./storage.js";
import { outcomeFor, pollTask, type RunRecord, type TaskRecord } from "./tasks.js";

const FIRST_RUN_ID = 10_001;
const FIRST_CUSTOM_VOICE_ID = 200_001;

/** Everything a sandbox remembers between requests. `reset()` brings it back to a fresh start. */
export class SandboxState {
  readonly tasks = new Map<string, TaskRecord>();
  readonly runs = new Map<number, RunRecord>();
  voices: Voice[] = [...BUILTIN_VOICES];
  readonly storage: ObjectStore;
  readonly dictionaries: Dictionaries;
  readonly folders = new Folders();
  readonly liveStreams: LiveStreams;
  private nextRunId = FIRST_RUN_ID;
  private nextVoiceId = FIRST_CUSTOM_VOICE_ID;
  private random: () => number;

  constructor(private readonly options: ResolvedOptions) {
    // Ids get their own generator so creating tasks never shifts the fault/latency draws.
    this.random = seededRandom(options.seed ^ 0x9e3779b9);
    this.storage = new ObjectStore(options.origin, options.urlTtlMs, options.now, () => this.hex(32));
    this.dictionaries = new Dictionaries(options.now);
    this.liveStreams = new LiveStreams(options.now, () => this.taskId());
  }

  private hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, length);
  }

  /** A UUID-shaped task id (the real ids are opaque strings). */
  private taskId(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  createTask(family: TaskFamily, input: Json, media?: SourceMedia): TaskRecord {
    const task: TaskRecord = {
      id: this.taskId(),
      family,
      createdAt: this.options.now(),
      polls: 0,
      outcome: outcomeFor(input, this.options.outcome),
      input,
      runId: undefined,
      media,
    };
    this.tasks.set(task.id, task);
    return task;
  }

  allocateRun = (task: TaskRecord): number => {
    const id = this.nextRunId++;
    this.runs.set(id, { id, family: task.family, taskId: task.id, input: task.input, media: task.media });
    return id;
  };

  /** One status check of a task (see pollTask). */
  pollTask(task: TaskRecord, options: ResolvedOptions) {
    return pollTask(task, options, this.allocateRun);
  }

  addVoice(voice: NewVoice): number {
    const id = this.nextVoiceId++;
    this.voices.push({ ...voice, id });
    return id;
  }

  reset(): void {
    this.tasks.clear();
    this.runs.clear();
    this.voices = [...BUILTIN_VOICES];
    this.storage.clear();
    this.dictionaries.clear();
    this.folders.clear();
    this.liveStreams.clear();
    this.nextRunId = FIRST_RUN_ID;
    this.nextVoiceId = FIRST_CUSTOM_VOICE_ID;
    this.random = seededRandom(this.options.seed ^ 0x9e3779b9);
  }
}
