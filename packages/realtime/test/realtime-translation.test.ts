// Realtime translation: audio goes out base64 in input_audio_buffer.append at 24 kHz; translated audio comes
// back as the same audio event whether the server sends a binary frame or a base64 delta; text events pass
// through typed; there is no end message, close() ends it.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openRealtimeTranslation, RealtimeProtocolError } from "../src/index.js";
import { collect } from "./helpers/collect.js";
import { type PeerServer, startPeerServer } from "./helpers/scripted-peer.js";
import { socketImplementations } from "./helpers/socket-implementations.js";
import { joinBytes, pcm16Samples, sine, wavFile } from "./helpers/wav.js";

const settings = { source_language: "en-us", target_language: "fr-fr" };
const created = {
  type: "session.created",
  session: { id: "rt-1", model: "iris", ...settings, output_modalities: ["text", "audio"] },
};

describe.each(socketImplementations)("over $name", ({ WebSocket }) => {
  let server: PeerServer;
  beforeEach(async () => {
    server = await startPeerServer();
  });
  afterEach(() => server.close());

  async function openReady() {
    const session = openRealtimeTranslation(server.client("k-1"), settings, { WebSocket });
    const peer = await server.nextPeer();
    await peer.nextMessage(); // session.update
    peer.send({ type: "session.starting" });
    peer.send(created);
    expect(await session.ready).toEqual(created);
    return { session, peer };
  }

  test("piped audio arrives base64 in input_audio_buffer.append, as PCM16 at 24 kHz", async () => {
    const { session, peer } = await openReady();
    const wav = wavFile(sine(440, 48_000, 0.5), { sampleRate: 48_000, channels: 1, encoding: "s16le" });
    const sent = await session.pipeAudio(wav);
    const chunks: Uint8Array[] = [];
    while (chunks.length < sent.frames) {
      const message = await peer.nextMessage();
      expect(message.type).toBe("input_audio_buffer.append");
      chunks.push(Buffer.from(message.audio, "base64"));
    }
    expect(pcm16Samples(joinBytes(chunks)).length).toBe(12_000);
    await session.close();
  });

  test("translated audio is one audio event whether binary or a base64 delta; text events come typed", async () => {
    const { session, peer } = await openReady();
    const reading = collect(session);
    peer.send({ type: "conversation.item.input_audio_transcription.completed", transcript: "hello" });
    peer.send({ type: "response.text.delta", delta: "bon" });
    peer.sendBinary(new Uint8Array([1, 2, 3, 4]));
    peer.send({ type: "response.audio.delta", delta: Buffer.from([5, 6]).toString("base64") });
    peer.send({ type: "response.text.done", text: "bonjour" });
    peer.send({ type: "response.audio.done" });
    peer.socket.close(1000); // after the frames above, in order
    const { events, error } = await reading;
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: "session.starting" },
      created,
      { type: "conversation.item.input_audio_transcription.completed", transcript: "hello" },
      { type: "response.text.delta", delta: "bon" },
      { type: "audio", data: new Uint8Array([1, 2, 3, 4]) },
      { type: "audio", data: new Uint8Array([5, 6]) },
      { type: "response.text.done", text: "bonjour" },
      { type: "response.audio.done" },
    ]);
  });

  test("an audio delta that is not base64 is a RealtimeProtocolError", async () => {
    const { session, peer } = await openReady();
    peer.send({ type: "response.audio.delta", delta: "*** not base64 ***" });
    expect((await collect(session)).error).toBeInstanceOf(RealtimeProtocolError);
  });
});
