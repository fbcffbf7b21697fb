// What sibling packages need to know about a client that openapi-fetch's surface does not carry, and the
// observers they attach to every attempt it makes.

/** One observer of the client's attempts: each request and each retry of it, not only the call's result. */
export interface AttemptObserver {
  /** Awaited before every attempt (a batch's rate ceiling); a rejection fails the attempt as it is. */
  before?(signal: AbortSignal | null): Promise<void> | void;
  /** Told every attempt's outcome: the status, or undefined when no answer came (network error, timeout). */
  after?(status: number | undefined, headers: Headers | undefined): void;
}

/** The settings a client was made with, for packages that open connections of their own (WebSockets). */
export interface ClientSettings {
  baseUrl: string;
  apiKey: string | undefined;
  /** As given to createCambClient; undefined means the spec's realtime server. */
  realtimeBaseUrl: string | undefined;
  /** Observers of every attempt; the client's fetch reads this set on each call. */
  observers: Set<AttemptObserver>;
}

// Keyed by the client object: its public surface stays openapi-fetch's, and a client made elsewhere (a
// plain openapi-fetch client, a test double) simply has no entry.
const settingsByClient = new WeakMap<object, ClientSettings>();

export function rememberSettings(client: object, settings: ClientSettings): void {
  settingsByClient.set(client, settings);
}

/** A client's settings; throws a TypeError for an object that createCambClient did not make. */
export function clientSettings(client: object): Readonly<Omit<ClientSettings, "observers">> {
  const settings = settingsByClient.get(client);
  if (!settings) throw new TypeError("expected a client made by createCambClient()");
  return settings;
}

/**
 * Calls `observer` around every attempt `client` makes from now on, retries included (a batch sees each 429
 * and paces each request). Returns the function that detaches it.
 */
export function observeAttempts(client: object, observer: AttemptObserver): () => void {
  const settings = settingsByClient.get(client);
  if (!settings) throw new TypeError("expected a client made by createCambClient()");
  settings.observers.add(observer);
  return () => {
    settings.observers.delete(observer);
  };
}

/** Runs every observer's `before`, in the order they were attached. */
export async function beforeAttempt(
  observers: Set<AttemptObserver>,
  signal: AbortSignal | null,
): Promise<void> {
  for (const observer of observers) await observer.before?.(signal);
}

/** Tells every observer how an attempt ended; an observer that throws does not change the call. */
export function afterAttempt(
  observers: Set<AttemptObserver>,
  status: number | undefined,
  headers: Headers | undefined,
): void {
  for (const observer of observers) {
    try {
      observer.after?.(status, headers);
    } catch {
      // An observer is bookkeeping: its bug must not turn a good answer into a failed call.
    }
  }
}
