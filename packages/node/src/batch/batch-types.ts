// The public shapes of a batch: its jobs, runBatch's options, the events it reports and the summary it ends with.

/** One job of a batch: a line of the jobs file. */
export interface BatchJob {
  /** Unique in the batch: the journal knows the job by it. */
  id: string;
  /** The create operation of a task family, or the streamed-speech operation (an operationId of the spec). */
  operation: string;
  /** The request body; a file field (a multipart binary part) holds a file path, relative to `baseDir`. */
  body: Record<string, unknown>;
  /** The create path's parameters of a parent-run family (e.g. the parent's run id). */
  path?: Record<string, string | number>;
  /** Where the result goes, relative to the output folder: a file, or a folder for a multi-file result. */
  output: string;
  /** The line of the jobs file (1-based); for jobs built in code, their position in the list. */
  line: number;
}

/** One thing wrong with a jobs file, on the line it was found. */
export interface BatchProblem {
  line: number;
  id?: string;
  message: string;
}

/** How a batch waits for its tasks (polling's option names). */
export interface BatchPollOptions {
  /** Time a task may take, in ms, from its create call to its SUCCESS; then the job fails. Default 1 hour. */
  timeoutMs?: number;
  /** The schedule used while too few durations of a kind of task are known: first delay (default 2800). */
  intervalMs?: number;
  /** Wait before a new task's first check, in ms (default `intervalMs`). */
  initialDelayMs?: number;
  /** The steady delay of that schedule, in ms (default 5000). */
  maxIntervalMs?: number;
  /** Source of randomness for the jitter, in [0, 1); default Math.random. */
  random?: () => number;
}

/** How a batch retries a step that failed transiently (408, 429, 5xx, a connection or timeout error). */
export interface BatchRetryOptions {
  /** Tries of one step (a create, a status check, a stream, a download), the first included. Default 6. */
  attempts?: number;
  /** The first backoff window, in ms, doubling per try (full jitter). Default 500. */
  baseDelayMs?: number;
  /** The largest backoff window, in ms. Default 30000. */
  maxDelayMs?: number;
}

export interface RunBatchOptions {
  /** The folder outputs are relative to; created when missing. */
  outputDir: string;
  /** The journal; default `<outputDir>/.camb-batch.jsonl`. */
  journal?: string;
  /** The folder file paths in bodies are relative to; default `process.cwd()`. */
  baseDir?: string;
  /** Jobs in progress at once (between their create, or resume, and their saved output). Default 4. */
  concurrency?: number;
  /** A ceiling on the requests of the whole batch per second, retries included. Default none. */
  maxRequestsPerSecond?: number;
  /** Run again the jobs the journal has as failed (default: they are not run, and reported as failed). */
  retryFailed?: boolean;
  /** Stops the batch: runBatch rejects with its reason once every job in flight has stopped. */
  signal?: AbortSignal;
  /** Told everything the batch does; what it throws is ignored. */
  onEvent?: (event: BatchEvent) => void;
  poll?: BatchPollOptions;
  retry?: BatchRetryOptions;
}

/** What a running batch reports. */
export type BatchEvent =
  | { type: "start"; total: number; pending: number; skipped: number }
  | { type: "created"; id: string; taskId: string }
  | { type: "status"; id: string; status: string }
  | { type: "done"; id: string; output: string }
  | { type: "failed"; id: string; reason: string; code: string }
  | { type: "throttled"; limit: number; retryAfterMs?: number }
  | {
      type: "progress";
      done: number;
      failed: number;
      skipped: number;
      total: number;
      /** Jobs finished (done or failed) per minute in this run. */
      ratePerMin: number;
      /** Time left at that rate; undefined until a job finished. */
      etaMs?: number;
    };

/** A job that failed: `code` is the task status (ERROR, TIMEOUT, PAYMENT_REQUIRED) or the error's class name. */
export interface BatchFailure {
  id: string;
  reason: string;
  code: string;
}

/** How a batch ended. `total` = `done` + `failed.length` + `skipped`. */
export interface BatchSummary {
  total: number;
  /** Jobs done in this run. */
  done: number;
  /** Jobs failed at the end: in this run, or in an earlier one and not retried. */
  failed: BatchFailure[];
  /** Jobs the journal had as done already. */
  skipped: number;
  /** Creates that may have made a task whose id never reached the journal (a crash, an unanswered create). */
  possibleDuplicateCreates: number;
  /** Streams sent again after one was cut short (a crash mid-stream, a failed try). */
  repeatedStreams: number;
  /** Create requests sent in this run. */
  createsSent: number;
  elapsedMs: number;
}
