// Live dubbing streams: created with their targets, rescheduled, stopped, deleted; status read off the clock.
import type { Schemas } from "@camb-kit/client/spec";

type CreateLiveStreamRequest = Schemas["CreateLiveStreamRequest"];
type UpdateLiveStreamRequest = Schemas["UpdateLiveStreamRequest"];
export type LiveStreamCreated = Schemas["LiveStreamCreated"];

/**
 * Where a stream is in its life: `scheduled` before its `start_time`, `running` until its `end_time` (or
 * `timeout_in_mins` after its start), `stopped` after that or once stopped or deleted. Upstream does not
 * document the values; these are the sandbox's.
 */
export type LiveStreamStatus = "scheduled" | "running" | "stopped";

export interface LiveStreamRecord {
  id: number;
  taskId: string;
  createdAt: number;
  updatedAt: number;
  request: CreateLiveStreamRequest;
  startTime: string | null;
  endTime: string | null;
  timezone: string | null;
  targetLanguages: number[];
  /** The settings sent with `PATCH` (`payload`), merged key by key. */
  payload: Record<string, unknown>;
  stoppedAt: number | null;
}

/** The schedule a change would leave: `PATCH` keeps what a field does not say (absent or null). */
export interface Schedule {
  startTime: string | null;
  endTime: string | null;
}

// Apart from the other id ranges (dictionaries 3 001, folders 4 001, runs 10 001).
const FIRST_STREAM_ID = 5_001;
const MINUTE_MS = 60_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Every target stream's languages, in order, each once. */
function languagesOf(request: CreateLiveStreamRequest): number[] {
  return [...new Set(request.target_streams.flatMap((target) => target.languages))];
}

/**
 * The streams a sandbox account runs. Nothing is dubbed: a stream is a record whose status follows the
 * clock (`now`), so a test moves it from scheduled to running to stopped by moving its clock.
 */
export class LiveStreams {
  readonly #records = new Map<number, LiveStreamRecord>();
  #nextId = FIRST_STREAM_ID;

  constructor(
    private readonly now: () => number,
    private readonly newTaskId: () => string,
  ) {}

  create(request: CreateLiveStreamRequest): LiveStreamRecord {
    const at = this.now();
    const record: LiveStreamRecord = {
      id: this.#nextId++,
      taskId: this.newTaskId(),
      createdAt: at,
      updatedAt: at,
      request,
      startTime: request.start_time ?? null,
      endTime: request.end_time ?? null,
      timezone: request.timezone ?? null,
      targetLanguages: languagesOf(request),
      payload: {},
      stoppedAt: null,
    };
    this.#records.set(record.id, record);
    return record;
  }

  get(id: number): LiveStreamRecord | undefined {
    return this.#records.get(id);
  }

  /** The create call's answer: one entry per target stream, its languages and the URL it is sent to. */
  created(record: LiveStreamRecord): LiveStreamCreated {
    return {
      stream_id: record.id,
      stream_url_for_languages: record.request.target_streams.map(({ languages, url }) => ({
        languages,
        url,
      })),
      task_id: record.taskId,
    };
  }

  /** The schedule `changes` would leave `record` with (to check before applying them). */
  scheduleAfter(record: LiveStreamRecord, changes: UpdateLiveStreamRequest): Schedule {
    return {
      startTime: changes.start_time ?? record.startTime,
      endTime: changes.end_time ?? record.endTime,
    };
  }

  /** Applies a `PATCH`: a field absent or null keeps its value (FastAPI's `exclude_none` updates). */
  update(record: LiveStreamRecord, changes: UpdateLiveStreamRequest): LiveStreamRecord {
    const schedule = this.scheduleAfter(record, changes);
    record.startTime = schedule.startTime;
    record.endTime = schedule.endTime;
    record.timezone = changes.timezone ?? record.timezone;
    record.targetLanguages = changes.target_languages ?? record.targetLanguages;
    Object.assign(record.payload, changes.payload ?? {});
    record.updatedAt = this.now();
    return record;
  }

  /** Stops a stream; one that is stopped already (or ended on schedule) is left as it is. */
  stop(record: LiveStreamRecord): LiveStreamRecord {
    if (this.status(record) === "stopped") return record;
    const at = this.now();
    record.stoppedAt = at;
    record.updatedAt = at;
    return record;
  }

  delete(id: number): boolean {
    return this.#records.delete(id);
  }

  status(record: LiveStreamRecord): LiveStreamStatus {
    if (record.stoppedAt !== null) return "stopped";
    const now = this.now();
    const start = record.startTime === null ? record.createdAt : Date.parse(record.startTime);
    if (now < start) return "scheduled";
    const timeout = record.request.timeout_in_mins;
    const ends = [
      record.endTime === null ? Number.POSITIVE_INFINITY : Date.parse(record.endTime),
      timeout == null ? Number.POSITIVE_INFINITY : start + timeout * MINUTE_MS,
    ];
    return now >= Math.min(...ends) ? "stopped" : "running";
  }

  /**
   * The stream as `GET /stream/{id}` answers it. Upstream leaves this answer untyped and undocumented: the
   * fields are the sandbox's plausible choice (what was created, the schedule, the status). Passphrases
   * are left out, as a service does not echo secrets.
   */
  view(record: LiveStreamRecord): Record<string, unknown> {
    const { request } = record;
    const { passphrase: _source, ...source } = request.source_stream;
    return {
      stream_id: record.id,
      task_id: record.taskId,
      name: request.name ?? null,
      description: request.description ?? null,
      status: this.status(record),
      created_at: iso(record.createdAt),
      updated_at: iso(record.updatedAt),
      stopped_at: iso(record.stoppedAt),
      start_time: record.startTime,
      end_time: record.endTime,
      timezone: record.timezone,
      initial_delay: request.initial_delay ?? 0,
      timeout_in_mins: request.timeout_in_mins ?? null,
      voices: request.voices,
      dictionaries: request.dictionaries,
      config: request.config,
      source_stream: source,
      target_streams: request.target_streams.map(({ passphrase: _target, ...target }) => target),
      target_languages: record.targetLanguages,
      stream_url_for_languages: this.created(record).stream_url_for_languages,
      payload: record.payload,
    };
  }

  clear(): void {
    this.#records.clear();
    this.#nextId = FIRST_STREAM_ID;
  }
}
