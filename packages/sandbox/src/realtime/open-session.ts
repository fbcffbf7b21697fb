// Which channel a WebSocket URL opens (paths from the generated table), the log entry and fault draw of each
// upgrade, and the session that serves it: what both transports share.
import { type ChannelId, channels } from "@camb-kit/client/spec";
import type { FaultPlan } from "../faults/select.js";
import { withSessionFault } from "./channel-faults.js";
import type { ChannelConnection, ChannelSession, RealtimeContext } from "./connection.js";
import { LiveSpeechSession } from "./live-speech.js";
import { LiveTranscriptionSession } from "./live-transcription.js";
import { RealtimeTranslationSession } from "./realtime-translation.js";

/** Where a sandbox serves its channels: the API base (for `server: api`) and the realtime base. */
export interface ChannelBases {
  api: string;
  realtime: string;
}

const CHANNEL_IDS = Object.keys(channels) as ChannelId[];

/** The channel's ws(s) URL without a query, under the sandbox's bases. */
export function channelBase(channel: ChannelId, bases: ChannelBases): string {
  const entry = channels[channel];
  const base = new URL(entry.server === "api" ? bases.api : bases.realtime);
  base.protocol = base.protocol.replace(/^http/, "ws");
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${entry.path}`;
}

/** The channel a URL opens, if any (its origin and path, the query aside). */
export function channelAt(url: URL, bases: ChannelBases): ChannelId | undefined {
  const wanted = `${url.host}${url.pathname.replace(/\/+$/, "")}`;
  return CHANNEL_IDS.find((channel) => {
    const base = new URL(channelBase(channel, bases));
    return `${base.host}${base.pathname}` === wanted;
  });
}

/** Logs an upgrade as the request log's entry for it (a GET with its path), and draws its faults. */
export function admit(
  context: RealtimeContext,
  route: string,
  url: URL,
  headers: Record<string, string>,
): FaultPlan {
  context.requests.push({ method: "GET", url: url.href, path: url.pathname, headers });
  return context.selector.plan({ name: route, isStatus: false });
}

const SESSIONS: Record<
  ChannelId,
  new (
    connection: ChannelConnection,
    context: RealtimeContext,
  ) => ChannelSession
> = {
  liveSpeech: LiveSpeechSession,
  liveTranscription: LiveTranscriptionSession,
  realtimeTranslation: RealtimeTranslationSession,
};

/** The session serving a channel on an open connection, with the plan's session fault wrapped around it. */
export function openSession(
  channel: ChannelId,
  connection: ChannelConnection,
  context: RealtimeContext,
  plan: FaultPlan,
): ChannelSession {
  const faulted = withSessionFault(connection, plan.fault);
  return faulted.watch(new SESSIONS[channel](faulted.connection, context));
}
