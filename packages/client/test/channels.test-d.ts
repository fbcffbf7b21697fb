// Type tests of the channel types: a message type a channel does not have, a missing required field or a
// query parameter of the wrong type does not compile; one message of a union is found by its type.
import { describe, expectTypeOf, test } from "vitest";
import type { ChannelId, ClientMessage, ServerMessage, ServerMessageOf } from "../src/index.js";
import { channels, channelUrl, type ResultTaskFamily, type TaskFamily } from "../src/spec.js";

describe("channel message types", () => {
  test("a client message of another channel, or of no channel, does not compile", () => {
    const chunk: ClientMessage<"liveSpeech"> = { type: "text.chunk", text: "Hello." };
    void chunk;
    // @ts-expect-error: KeepAlive belongs to live transcription
    const keepAlive: ClientMessage<"liveSpeech"> = { type: "KeepAlive" };
    // @ts-expect-error: no channel has this message
    const unknown: ClientMessage<"liveTranscription"> = { type: "Finalize" };
    // @ts-expect-error: session.start needs a voice_id
    const start: ClientMessage<"liveSpeech"> = { type: "session.start" };
    // @ts-expect-error: session.update needs its settings
    const update: ClientMessage<"realtimeTranslation"> = { type: "session.update" };
    void [keepAlive, unknown, start, update];
  });

  test("narrowing a server message on its type gives that message's fields", () => {
    expectTypeOf<ServerMessageOf<"liveSpeech", "session.ready">["run_id"]>().toEqualTypeOf<number>();
    const handle = (message: ServerMessage<"liveTranscription">) => {
      if (message.type === "Results") expectTypeOf(message.is_final).toEqualTypeOf<boolean>();
      // @ts-expect-error: no such server message on this channel
      if (message.type === "session.ready") return;
    };
    void handle;
  });

  test("the table's role types are members of the unions, as literal types", () => {
    expectTypeOf(channels.liveSpeech.ready).toEqualTypeOf<"session.ready">();
    expectTypeOf<(typeof channels)["liveTranscription"]["end"]>().toEqualTypeOf<"CloseStream">();
    expectTypeOf<ChannelId>().toEqualTypeOf<"liveSpeech" | "liveTranscription" | "realtimeTranslation">();
  });

  test("a channel's runFamily is a task family with a result, or null", () => {
    expectTypeOf(channels.liveSpeech.runFamily).toEqualTypeOf<"tts">();
    expectTypeOf(channels.liveTranscription.runFamily).toEqualTypeOf<null>();
    expectTypeOf<(typeof channels)[ChannelId]["runFamily"]>().toMatchTypeOf<ResultTaskFamily | null>();
    expectTypeOf<NonNullable<(typeof channels)[ChannelId]["runFamily"]>>().toMatchTypeOf<TaskFamily>();
  });

  test("channelUrl takes a channel id and its query parameters' types", () => {
    channelUrl("liveTranscription", { apiBaseUrl: "http://x", query: { sample_rate: 16000 } });
    // @ts-expect-error: no such channel
    channelUrl("liveDubbing", { apiBaseUrl: "http://x" });
    // @ts-expect-error: sample_rate is a number
    channelUrl("liveTranscription", { apiBaseUrl: "http://x", query: { sample_rate: [1] } });
  });
});
