import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSandbox, startSandbox } from "../src/index.js";

const sandbox = createSandbox();
const server = setupServer(...sandbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

test("smoke in-process", async () => {
  const base = "https://client.camb.ai/apis";
  const h = { "x-api-key": "k", "content-type": "application/json" };
  let r = await fetch(`${base}/text-to-sound`, {
    method: "POST",
    headers: h,
    body: JSON.stringify({ prompt: "rain", duration: 2 }),
  });
  const { task_id } = (await r.json()) as { task_id: string };
  console.log(task_id);
  r = await fetch(`${base}/text-to-sound/${task_id}`, { headers: h });
  console.log(await r.json());
  r = await fetch(`${base}/text-to-sound/${task_id}`, { headers: h });
  const st = (await r.json()) as { run_id: number };
  console.log(st);
  r = await fetch(`${base}/text-to-sound-result/${st.run_id}`, { headers: h });
  console.log(
    r.status,
    r.headers.get("content-type"),
    r.headers.get("content-length"),
    (await r.arrayBuffer()).byteLength,
  );
  r = await fetch(`${base}/text-to-sound-result/${st.run_id}?output_type=file_url`, { headers: h });
  const j = await r.json();
  console.log(j);
  r = await fetch(`${base}/tts-stream`, {
    method: "POST",
    headers: h,
    body: JSON.stringify({ text: 1, language: "EN", output_configuration: { format: "x" } }),
  });
  console.log(r.status, JSON.stringify(await r.json()));
  r = await fetch(`${base}/tts-result/abc`, { headers: h });
  console.log(r.status, JSON.stringify(await r.json()));
  expect(1).toBe(1);
});

test("smoke server", async () => {
  server.close();
  const sb = await startSandbox();
  const h = { "x-api-key": "k", "content-type": "application/json" };
  let r = await fetch(`${sb.url}/tts-stream`, {
    method: "POST",
    headers: h,
    body: JSON.stringify({
      text: "hello there",
      language: "en-us",
      voice_id: 1,
      output_configuration: { format: "wav" },
    }),
  });
  console.log(r.status, [...r.headers], (await r.arrayBuffer()).byteLength);
  r = await fetch(`${sb.url}/list-voices`, { headers: h });
  console.log(r.status, ((await r.json()) as unknown[]).length);
  r = await fetch(`${sb.url}/nope`, { headers: h });
  console.log(r.status, await r.text());
  await sb.close();
});
