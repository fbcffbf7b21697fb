// camb-kit quickstart. With CAMB_API_KEY set this talks to the real CAMB.AI API (and spends credits);
// with `--sandbox`, or without a key, it runs against the local sandbox.
import { createCambClient, unwrap } from "@camb-kit/client";
import { saveResult, saveSpeech } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import { startSandbox } from "@camb-kit/sandbox";

const useSandbox = process.argv.includes("--sandbox") || !process.env.CAMB_API_KEY;
const sandbox = useSandbox ? await startSandbox({ port: 0 }) : undefined;
const camb = sandbox ? createCambClient({ apiKey: "sandbox", baseUrl: sandbox.url }) : createCambClient();

try {
  // 1. Pick a voice and stream speech straight to a file (temp file + rename: never a partial file).
  const [voice] = unwrap(await camb.GET("/list-voices"));
  if (!voice) throw new Error("no voices available");
  const speech = await saveSpeech(
    camb,
    { text: "Hello from the camb-kit quickstart.", language: "en-us", voice_id: voice.id },
    "out/hello.mp3",
    { mkdir: true },
  );
  console.log(`speech: ${speech.path} (${speech.bytes} bytes, ${speech.creditsRequired ?? "?"} credits)`);

  // 2. Generate a sound effect: create the task, wait for it (bounded, with backoff), save the WAV.
  const { runId } = await createAndWait(camb, "text-to-sound", {
    prompt: "a door creaking open",
    duration: 2,
  });
  const sound = await saveResult(camb, "text-to-sound", runId, "out/door.wav", { mkdir: true });
  console.log(`sound: ${sound.path} (${sound.bytes} bytes)`);
} finally {
  await sandbox?.close();
}
