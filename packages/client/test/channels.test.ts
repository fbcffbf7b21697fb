// The generated channels table says what the spec's x-camb-channels and message schemas say: the message
// types each role names are in the right union, the schemas hold no reference, and the defaults are the spec's.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import {
  type ChannelId,
  channelSchemas,
  channels,
  enums,
  families,
  limits,
  realtimeServer,
} from "../src/spec.js";

const spec = parse(readFileSync(new URL("../../../openapi/camb.yaml", import.meta.url), "utf8"));
const entries = Object.entries(channels) as [ChannelId, (typeof channels)[ChannelId]][];

/** The `type` consts of a generated union schema's members, in order. */
const memberTypes = (schema: { readonly [keyword: string]: unknown }) =>
  (schema.oneOf as { properties: { type: { const: string } } }[]).map(
    (member) => member.properties.type.const,
  );

describe("the channels table", () => {
  test("has exactly the spec's channels, each at its server and path, with the key where the spec puts it", () => {
    expect(Object.keys(channels)).toEqual(Object.keys(spec["x-camb-channels"]));
    expect(realtimeServer).toBe(spec["x-camb-realtime-server"]);
    for (const [id, channel] of entries) {
      const source = spec["x-camb-channels"][id];
      expect(channel.server).toBe(source.server);
      expect(channel.path).toBe(source.path);
      expect(channel.auth.header).toBe(source.auth.header ?? null);
      expect(channel.auth.query).toBe(source.auth.query ?? null);
      expect(channel.auth.message?.join(".") ?? null).toBe(source.auth.message ?? null);
    }
    expect(channels.liveSpeech.server).toBe("api");
    expect(channels.liveTranscription.server).toBe("realtime");
  });

  test("names, for each role, a message type of the union of the side that sends it", () => {
    for (const [, channel] of entries) {
      const client: readonly string[] = channel.messages.client.types;
      const server: readonly string[] = channel.messages.server.types;
      expect(server).toContain(channel.ready);
      expect(server).toContain(channel.error);
      for (const type of [channel.done]) if (type !== null) expect(server).toContain(type);
      for (const type of [channel.start, channel.end, channel.keepAlive])
        if (type !== null) expect(client).toContain(type);
    }
  });

  test("lists each union's message types as its schemas' `type` consts", () => {
    for (const [id, channel] of entries) {
      expect(memberTypes(channelSchemas[id].client)).toEqual(channel.messages.client.types);
      expect(memberTypes(channelSchemas[id].server)).toEqual(channel.messages.server.types);
      const union = spec.components.schemas[channel.messages.server.schema];
      expect(Object.keys(union.discriminator.mapping)).toEqual(channel.messages.server.types);
    }
  });

  test("maps the documented close codes to what they mean, on every channel", () => {
    for (const [, channel] of entries) {
      expect(channel.closeCodes).toEqual({
        "4400": "bad-request",
        "4401": "unauthorized",
        "4402": "payment-required",
      });
    }
  });

  test("gives the query defaults of the spec, and PCM audio input read from them", () => {
    for (const [, channel] of entries) {
      if (channel.query === null) continue;
      const bounds = limits[channel.query.schema as keyof typeof limits] as Record<
        string,
        { default?: unknown }
      >;
      for (const [name, value] of Object.entries(channel.query.defaults))
        expect(bounds[name]?.default).toEqual(value);
    }
    const input = channels.liveTranscription.audioIn;
    const { defaults } = channels.liveTranscription.query;
    expect(input.sampleRate).toBe(defaults[input.fromQuery.sampleRate]);
    expect(input.encoding).toBe(defaults[input.fromQuery.encoding]);
    expect(input.channels).toBe(defaults[input.fromQuery.channels]);
    expect(enums.LiveTranscriptionEncoding).toContain(input.encoding);
  });

  test("describes audio framing both ways: binary frames, base64 fields of messages, the frame bound", () => {
    expect(channels.liveSpeech.audioIn).toBeNull();
    expect(channels.liveSpeech.audioOut).toMatchObject({ binary: true, maxFrameBytes: 65536 });
    expect(enums.LiveSpeechOutputFormat).toContain(limits.LiveSpeechSessionStart.output_format.default);
    const translation = channels.realtimeTranslation;
    expect(translation.messages.client.types).toContain(translation.audioIn.message);
    expect(translation.messages.server.types).toContain(translation.audioOut.message);
    expect(translation.audioIn).toMatchObject({
      binary: false,
      encoding: "linear16",
      sampleRate: 24000,
      channels: 1,
    });
    expect(translation.auth.message).toEqual(["auth", "api_key"]);
    expect(translation.start).toBe("session.update");
  });

  test("names the task family a session's run_id is a run of (live TTS: a TTS run), null for the others", () => {
    for (const [id, channel] of entries)
      expect(channel.runFamily).toBe(spec["x-camb-channels"][id].run?.family ?? null);
    expect(channels.liveSpeech.runFamily).toBe("tts");
    expect(channels.liveTranscription.runFamily).toBeNull();
    expect(channels.realtimeTranslation.runFamily).toBeNull();
    // The family's result is where the session's audio is fetched, and its ready message carries the id.
    expect(families[channels.liveSpeech.runFamily].result).toBe("/tts-result/{run_id}");
    const members = channelSchemas.liveSpeech.server.oneOf as {
      required: string[];
      properties: { type: { const: string } };
    }[];
    const ready = members.find((member) => member.properties.type.const === channels.liveSpeech.ready);
    expect(ready?.required).toContain("run_id");
  });
});

describe("channelSchemas", () => {
  test("hold no $ref and no OpenAPI-only keyword anywhere, so a JSON Schema validator takes them as they are", () => {
    const seen = new Set<unknown>();
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== "object" || seen.has(node)) return;
      seen.add(node);
      for (const [key, value] of Object.entries(node)) {
        expect(["$ref", "discriminator", "description"]).not.toContain(key);
        walk(value);
      }
    };
    for (const schemas of Object.values(channelSchemas)) walk(schemas);
    expect(channelSchemas.liveSpeech.query).toBeNull();
    expect(channelSchemas.liveTranscription.query).toMatchObject({ type: "object" });
  });
});
