// A Redocly plugin that types the spec's realtime extensions (`x-camb-channels`, `x-camb-realtime-server`), so
// `pnpm lint:spec` walks a channel's message and query schemas like any other (their components count as
// used, their examples are checked) and refuses a channel entry with a misspelt or missing field.

const string = { type: "string" };
const messageType = { type: "string", description: "a `type` of the channel's client or server union" };

const types = {
  CambChannels: { properties: {}, additionalProperties: "CambChannel" },
  CambChannel: {
    properties: {
      summary: string,
      description: string,
      server: { enum: ["api", "realtime"] },
      path: string,
      query: "Schema",
      auth: "CambChannelAuth",
      clientMessage: "Schema",
      serverMessage: "Schema",
      start: messageType,
      ready: messageType,
      end: messageType,
      done: messageType,
      error: messageType,
      keepAlive: messageType,
      audioIn: "CambChannelAudio",
      audioOut: "CambChannelAudio",
      closeCodes: "CambChannelCloseCodes",
      run: "CambChannelRun",
    },
    required: [
      "summary",
      "server",
      "path",
      "auth",
      "clientMessage",
      "serverMessage",
      "ready",
      "error",
      "closeCodes",
    ],
  },
  CambChannelAuth: { properties: { header: string, query: string, message: string } },
  CambChannelAudio: {
    properties: {
      binary: { type: "boolean" },
      message: string,
      field: string,
      maxFrameBytes: { type: "integer" },
      formatField: string,
      encoding: (value) => (typeof value === "object" ? "CambChannelQueryValue" : string),
      sampleRate: (value) => (typeof value === "object" ? "CambChannelQueryValue" : { type: "integer" }),
      channels: (value) => (typeof value === "object" ? "CambChannelQueryValue" : { type: "integer" }),
    },
  },
  // The task family whose run the session is; the generator checks that the family exists.
  CambChannelRun: {
    properties: { family: { type: "string", description: "a task family (an x-camb-task family)" } },
    required: ["family"],
  },
  CambChannelQueryValue: { properties: { query: string }, required: ["query"] },
  CambChannelCloseCodes: {
    properties: {},
    additionalProperties: { enum: ["bad-request", "unauthorized", "payment-required"] },
  },
};

export default function cambChannels() {
  return {
    id: "camb-channels",
    typeExtension: {
      oas3(base) {
        return {
          ...base,
          ...types,
          Root: {
            ...base.Root,
            properties: {
              ...base.Root.properties,
              "x-camb-channels": "CambChannels",
              "x-camb-realtime-server": string,
            },
          },
        };
      },
    },
  };
}
