// The sandbox over real sockets for the live hooks: its WebSocket servers on 127.0.0.1 (msw lets loopback
// through), a client with its realtime base, and a record of every socket the sessions opened.
import { type CambClient, createCambClient } from "@camb-kit/client";
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from "@camb-kit/sandbox";
import { http, passthrough } from "msw";
import { afterEach, beforeEach } from "vitest";
import { WebSocket } from "ws";
import { server } from "./sandbox-server.js";

/** Every socket the sessions opened (`ws`'s, as on Node 20), to see them close. */
export const sockets: WebSocket[] = [];

/** `ws`'s WebSocket, recording each instance in `sockets`. */
export class RecordedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    sockets.push(this);
  }
}

let running: RunningSandbox | undefined;

beforeEach(() => {
  sockets.length = 0;
  // The msw server of the other hook tests would refuse the handshakes as unhandled requests.
  server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A sandbox on 127.0.0.1 for this test, and a client of it with a key (the sandbox checks one is sent). */
export async function startLiveSandbox(
  options: StartSandboxOptions = {},
): Promise<{ sandbox: RunningSandbox; client: CambClient }> {
  running = await startSandbox({ ...options, port: 0 });
  const client = createCambClient({
    apiKey: "live-hooks-key",
    baseUrl: running.url,
    realtimeBaseUrl: running.realtimeUrl,
    retry: false,
  });
  return { sandbox: running, client };
}
