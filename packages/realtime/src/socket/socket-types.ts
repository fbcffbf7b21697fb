// The part of a WebSocket a session uses: the standard API, which the browsers', undici's (Node 22+), Bun's,
// Deno's and the `ws` package's sockets all implement, plus `ws`'s pause/resume where they exist.

/** A WebSocket as a session drives it. */
export interface RealtimeSocket {
  readonly readyState: number;
  /** Bytes sent but not yet handed to the network: what backpressure waits on. */
  readonly bufferedAmount: number;
  binaryType: string;
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open" | "message" | "close" | "error", listener: (event: any) => void): void;
  removeEventListener(type: "open" | "message" | "close" | "error", listener: (event: any) => void): void;
  /** `ws` only: stop reading from the network (the standard API cannot). */
  pause?(): void;
  resume?(): void;
  /** `ws` only: drop the connection without a closing handshake. */
  terminate?(): void;
}

/**
 * A WebSocket class: `globalThis.WebSocket`, or `ws`'s. When the key goes in a header it is called as
 * `new WebSocket(url, { headers })`, the form `ws`, undici (Node 22+) and Bun take.
 */
export type RealtimeSocketConstructor = new (url: string, init?: any) => RealtimeSocket;

/** readyState values of the standard API. */
export const OPEN = 1;
export const CLOSED = 3;
