// createCambProxy mounted on a real node:http server through toNodeHandler, as an app would mount it.

import { startServer, type TestServer } from "../../../../tests/support/http-server.js";
import { type CambProxyOptions, createCambProxy, toNodeHandler } from "../../src/index.js";

/** createCambProxy mounted on a real node:http server through toNodeHandler, as an app would. */
export async function startProxy(options: CambProxyOptions): Promise<TestServer> {
  const handle = toNodeHandler(createCambProxy(options));
  return startServer((req, res) => handle(req, res));
}
