// Writes a Response to node:http with backpressure, carrying out socket faults (reset, truncate, stall).
import type { IncomingMessage, ServerResponse } from "node:http";
import { delay } from "../delay.js";
import { FAULT_HEADER, type SocketFault } from "../internal.js";

/** Writes a chunk and resolves once it has been handed to the socket (or the connection went away). */
function writeFlushed(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (chunk.length === 0) {
      res.flushHeaders();
      // An empty socket write calls back after everything queued before it, headers included.
      if (res.socket) res.socket.write(new Uint8Array(0), () => resolve());
      else resolve();
      return;
    }
    res.write(chunk, () => resolve());
  });
}

/** Waits for 'drain' unless the connection closes first. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function parseFault(response: Response): SocketFault | undefined {
  const raw = response.headers.get(FAULT_HEADER);
  return raw ? (JSON.parse(raw) as SocketFault) : undefined;
}

/**
 * Copies a Response onto a node:http response with backpressure (one chunk in flight; the pull-based audio
 * streams then generate nothing ahead of the socket), and carries out socket-level faults:
 * - a network-error Response (the "reset" fault) destroys the socket before any header is sent;
 * - "truncate" sends the headers (with the declared Content-Length) and `afterBytes`, then cuts the socket;
 * - "stall" sends `afterBytes`, waits `ms`, then carries on.
 */
export async function writeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
): Promise<void> {
  if (response.type === "error") {
    req.socket.destroy();
    return;
  }
  const fault = parseFault(response);
  const closed = new AbortController();
  res.on("close", () => closed.abort());
  for (const [name, value] of response.headers) if (name !== FAULT_HEADER) res.setHeader(name, value);
  res.writeHead(response.status, response.statusText || undefined);
  const body = req.method === "HEAD" ? null : response.body;
  if (!body) {
    res.end();
    return;
  }
  const reader = body.getReader();
  let sent = 0;
  let tripped = false;
  try {
    while (!closed.signal.aborted) {
      const { done, value } = await reader.read();
      if (done) break;
      let chunk = value;
      if (fault && !tripped && sent + chunk.length >= fault.afterBytes) {
        tripped = true;
        const head = chunk.subarray(0, fault.afterBytes - sent);
        await writeFlushed(res, head);
        sent += head.length;
        chunk = chunk.subarray(head.length);
        if (fault.kind === "truncate") {
          req.socket.destroy();
          break;
        }
        await delay(fault.ms, closed.signal);
        if (closed.signal.aborted || chunk.length === 0) continue;
      }
      sent += chunk.length;
      if (!res.write(chunk)) await drained(res);
    }
  } finally {
    if (closed.signal.aborted || (tripped && fault?.kind === "truncate"))
      await reader.cancel().catch(() => {});
    else res.end();
  }
}
