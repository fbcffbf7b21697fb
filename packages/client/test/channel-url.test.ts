// channelUrl: a channel's server with the ws scheme, its path, and exactly the query it is given.
import { describe, expect, test } from "vitest";
import { channels, channelUrl, defaultBaseUrl, realtimeServer } from "../src/spec.js";

describe("channelUrl", () => {
  test("puts an api channel on the REST base with the ws scheme: https becomes wss, http becomes ws", () => {
    expect(channelUrl("liveSpeech", { apiBaseUrl: defaultBaseUrl })).toBe(
      `${defaultBaseUrl.replace(/^https:/, "wss:")}${channels.liveSpeech.path}`,
    );
    expect(channelUrl("liveSpeech", { apiBaseUrl: "http://127.0.0.1:4010" })).toBe(
      "ws://127.0.0.1:4010/live-tts/ws",
    );
    expect(channelUrl("liveSpeech", { apiBaseUrl: "https://proxy.example/api/camb/" })).toBe(
      "wss://proxy.example/api/camb/live-tts/ws",
    );
  });

  test("puts a realtime channel on the spec's realtime server unless told another, which may be http or ws", () => {
    expect(channelUrl("liveTranscription", { apiBaseUrl: "http://127.0.0.1:1" })).toBe(
      `${realtimeServer}/streaming-transcription/listen`,
    );
    expect(
      channelUrl("realtimeTranslation", {
        apiBaseUrl: defaultBaseUrl,
        realtimeBaseUrl: "ws://127.0.0.1:4011",
      }),
    ).toBe("ws://127.0.0.1:4011/v1/realtime");
    expect(
      channelUrl("realtimeTranslation", {
        apiBaseUrl: defaultBaseUrl,
        realtimeBaseUrl: "http://localhost:9/rt",
      }),
    ).toBe("ws://localhost:9/rt/v1/realtime");
  });

  test("adds only the query parameters given, dropping undefined ones and adding no defaults", () => {
    const url = new URL(
      channelUrl("liveTranscription", {
        apiBaseUrl: defaultBaseUrl,
        query: { sample_rate: 24000, language: undefined, x_api_key: "k&=?" },
      }),
    );
    expect([...url.searchParams]).toEqual([
      ["sample_rate", "24000"],
      ["x_api_key", "k&=?"],
    ]);
    expect(channelUrl("realtimeTranslation", { apiBaseUrl: defaultBaseUrl, query: {} })).toBe(
      `${realtimeServer}/v1/realtime`,
    );
  });

  test("refuses a base that is not an absolute http(s) or ws(s) URL, without echoing it", () => {
    expect(() => channelUrl("liveSpeech", { apiBaseUrl: "/api/camb" })).toThrow(TypeError);
    const error = (() => {
      try {
        channelUrl("liveTranscription", {
          apiBaseUrl: defaultBaseUrl,
          realtimeBaseUrl: "ftp://user:secret@x",
        });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).not.toContain("secret");
  });
});
