// Redirects against real HTTP servers on 127.0.0.1 (two ports: two origins): the key is sent to the API's
// origin only, whatever the caller, and a redirect that cannot be followed safely is a typed error.
import { afterEach, describe, expect, test } from "vitest";
import { startServer, type TestServer } from "../../../tests/support/http-server.js";
import {
  CambRedirectError,
  createCambClient,
  families,
  getResultJson,
  openResultAudio,
  unwrap,
} from "../src/index.js";

const KEY = "redirect-test-key-0123456789";
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(handler);
  servers.push(started);
  return started;
}

/** An object store on another origin, and an API that redirects its result downloads there. */
async function apiRedirectingTo(status: number) {
  const storage = await server((_req, res) => {
    res.writeHead(200, { "content-type": "audio/flac" }).end("fLaC-audio");
  });
  const api = await server((req, res) => {
    if (req.url?.includes("-result/"))
      res.writeHead(status, { location: `${storage.url}/bucket/7.flac?sig=abc` }).end();
    else res.writeHead(200, { "content-type": "application/json" }).end("[]");
  });
  return { api, storage, camb: createCambClient({ apiKey: KEY, baseUrl: `${api.url}/apis` }) };
}

describe("a cross-origin redirect is followed without the key", () => {
  test.each([301, 302, 303, 307, 308])("%i from a result to object storage", async (status) => {
    const { api, storage, camb } = await apiRedirectingTo(status);
    const audio = await openResultAudio(camb, "tts", 7);
    expect(await new Response(audio.stream).text()).toBe("fLaC-audio");
    expect(api.requests[0]?.headers["x-api-key"]).toBe(KEY);
    expect(storage.requests).toHaveLength(1);
    expect(storage.requests[0]?.path).toBe("/bucket/7.flac?sig=abc");
    expect(storage.requests[0]?.headers["x-api-key"]).toBeUndefined();
  });

  test("headers the caller added per call that carry credentials are dropped too", async () => {
    const { storage, camb } = await apiRedirectingTo(302);
    const headers = { authorization: "Bearer app-token", cookie: "session=1", "x-trace": "kept" };
    await openResultAudio(camb, "tts", 7, { headers }).then((audio) => audio.stream.cancel());
    expect(storage.requests[0]?.headers).toMatchObject({ "x-trace": "kept" });
    expect(storage.requests[0]?.headers).not.toHaveProperty("authorization");
    expect(storage.requests[0]?.headers).not.toHaveProperty("cookie");
  });

  test("a same-origin redirect keeps the key", async () => {
    const api = await server((req, res) => {
      if (req.url === "/apis/list-voices") res.writeHead(307, { location: "/apis/v2/list-voices" }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end('[{"id":1,"voice_name":"A"}]');
    });
    const camb = createCambClient({ apiKey: KEY, baseUrl: `${api.url}/apis` });
    expect(unwrap(await camb.GET("/list-voices"))).toEqual([{ id: 1, voice_name: "A" }]);
    expect(api.requests.map((request) => request.headers["x-api-key"])).toEqual([KEY, KEY]);
  });

  test("a 303 after a create is a GET without a body, and without the key elsewhere", async () => {
    const elsewhere = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end('{"task_id":"t-1"}');
    });
    const api = await server((_req, res) => res.writeHead(303, { location: `${elsewhere.url}/done` }).end());
    const camb = createCambClient({ apiKey: KEY, baseUrl: `${api.url}/apis` });
    const { data } = await camb.POST(families["text-to-sound"].create, { body: { prompt: "rain" } });
    expect(data).toEqual({ task_id: "t-1" });
    expect(elsewhere.requests[0]).toMatchObject({ method: "GET", path: "/done" });
    expect(elsewhere.requests[0]?.headers).not.toHaveProperty("x-api-key");
    expect(elsewhere.requests[0]?.headers).not.toHaveProperty("content-type");
  });
});

describe("a redirect that cannot be followed safely is refused, typed", () => {
  test("a 307 of a create is followed with the same method and body, and without the key elsewhere", async () => {
    const elsewhere = await server((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end("{}"),
    );
    const api = await server((_req, res) => res.writeHead(307, { location: `${elsewhere.url}/x` }).end());
    const camb = createCambClient({ apiKey: KEY, baseUrl: `${api.url}/apis` });
    await camb.POST(families["text-to-sound"].create, { body: { prompt: "rain" } });
    expect(elsewhere.requests[0]).toMatchObject({ method: "POST", path: "/x" });
    expect(elsewhere.requests[0]?.headers).not.toHaveProperty("x-api-key");
  });

  test("a 307 of a streamed body cannot send it again: CambRedirectError, nothing sent twice", async () => {
    const elsewhere = await server((_req, res) => res.writeHead(200).end("{}"));
    const api = await server((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(307, { location: `${elsewhere.url}/x` }).end());
    });
    const camb = createCambClient({ apiKey: KEY, baseUrl: `${api.url}/apis` });
    const streamed = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"prompt":"rain"}'));
          controller.close();
        },
      });
    const call = camb.POST(families["text-to-sound"].create, {
      body: { prompt: "rain" },
      bodySerializer: streamed as never,
    });
    const error = await call.catch((e) => e);
    expect(error).toBeInstanceOf(CambRedirectError);
    expect(error).toMatchObject({ status: 307, method: "POST", path: "/text-to-sound" });
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("a redirect loop ends after 20 hops", async () => {
    const api = await server((req, res) => res.writeHead(302, { location: req.url ?? "/" }).end());
    const camb = createCambClient({ apiKey: KEY, baseUrl: `${api.url}/apis`, retry: false });
    const error = await getResultJson(camb, "text-to-voice", 1).catch((e) => e);
    expect(error).toBeInstanceOf(CambRedirectError);
    expect(error.message).toContain("too many redirects");
    expect(api.requests).toHaveLength(21);
  });
});

test("a client without a key lets the runtime follow redirects (there is nothing to keep at home)", async () => {
  const { storage, api } = await apiRedirectingTo(302);
  const camb = createCambClient({ baseUrl: `${api.url}/apis` });
  const audio = await openResultAudio(camb, "tts", 7);
  expect(await new Response(audio.stream).text()).toBe("fLaC-audio");
  expect(storage.requests).toHaveLength(1);
});
