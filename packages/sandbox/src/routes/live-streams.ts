// The live-stream operations (and their deprecated v1 twins): create, read, reschedule, stop, delete, probe.
import type { Schemas } from "@camb-kit/client/spec";
import { probeStream } from "../data/stream-probe.js";
import type { ValidationIssue } from "../openapi/fastapi-errors.js";
import type { LiveStreamRecord, Schedule } from "../state/live-streams.js";
import type { OperationHandler, RouteContext } from "./context.js";
import { detail, json, validationFailed } from "./respond.js";

type CreateLiveStreamRequest = Schemas["CreateLiveStreamRequest"];
type UpdateLiveStreamRequest = Schemas["UpdateLiveStreamRequest"];

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the schema cannot say about a stream's schedule: the end after the start, and a time zone the
 * runtime knows (IANA names such as `Europe/Paris`).
 */
function settingIssues(schedule: Schedule, timezone: string | null | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { startTime, endTime } = schedule;
  if (startTime !== null && endTime !== null && Date.parse(endTime) <= Date.parse(startTime))
    issues.push({ loc: ["body", "end_time"], msg: "end_time must be after start_time", type: "value_error" });
  if (timezone != null && !validTimeZone(timezone))
    issues.push({ loc: ["body", "timezone"], msg: `Unknown time zone ${timezone}`, type: "value_error" });
  return issues;
}

/** A create call names voices and dictionaries of the account (the spec's ids, checked against state). */
function referenceIssues({ state }: RouteContext, request: CreateLiveStreamRequest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  request.voices.forEach((id, index) => {
    if (!state.voices.some((voice) => voice.id === id))
      issues.push({ loc: ["body", "voices", index], msg: `Voice ${id} does not exist`, type: "value_error" });
  });
  request.dictionaries.forEach((id, index) => {
    if (!state.dictionaries.has(id))
      issues.push({
        loc: ["body", "dictionaries", index],
        msg: `Dictionary ${id} does not exist`,
        type: "value_error",
      });
  });
  return issues;
}

/** The stream a path names, or its 404 (a deleted stream is gone). */
function findStream(context: RouteContext): LiveStreamRecord | Response {
  const id = Number(context.input.path.stream_id);
  return context.state.liveStreams.get(id) ?? detail(404, `Stream ${id} not found`);
}

/** `POST /stream` (and `/v1/stream`): `{ stream_id, stream_url_for_languages, task_id }`. */
export const createLiveStream: OperationHandler = (context) => {
  const request = context.input.body as CreateLiveStreamRequest;
  const schedule = { startTime: request.start_time ?? null, endTime: request.end_time ?? null };
  const issues = [...settingIssues(schedule, request.timezone), ...referenceIssues(context, request)];
  if (issues.length > 0) return validationFailed(issues);
  const { liveStreams } = context.state;
  return json(liveStreams.created(liveStreams.create(request)));
};

/** `GET /stream/{id}`: untyped and undocumented upstream; see LiveStreams.view for the sandbox's fields. */
export const getLiveStream: OperationHandler = (context) => {
  const stream = findStream(context);
  if (stream instanceof Response) return stream;
  return json(context.state.liveStreams.view(stream));
};

/**
 * `PATCH /stream/{id}`: moves the schedule, replaces the target languages, sets the time zone, merges
 * `payload`. A stopped stream is not restarted by a new schedule: changing it is a 409 `{ detail }` (a
 * conflict with the stream's state, undeclared in the spec as the answer itself is untyped).
 */
export const updateLiveStream: OperationHandler = (context) => {
  const stream = findStream(context);
  if (stream instanceof Response) return stream;
  const { liveStreams } = context.state;
  if (liveStreams.status(stream) === "stopped")
    return detail(409, `Stream ${stream.id} is stopped; create a new stream instead`);
  const changes = context.input.body as UpdateLiveStreamRequest;
  const issues = settingIssues(liveStreams.scheduleAfter(stream, changes), changes.timezone);
  if (issues.length > 0) return validationFailed(issues);
  return json(liveStreams.view(liveStreams.update(stream, changes)));
};

/** `DELETE /stream/{id}`: stops the stream and forgets it (untyped acknowledgement, undocumented upstream). */
export const deleteLiveStream: OperationHandler = (context) => {
  const stream = findStream(context);
  if (stream instanceof Response) return stream;
  const { liveStreams } = context.state;
  liveStreams.stop(stream);
  liveStreams.delete(stream.id);
  return json({ message: "Stream stopped and deleted", stream_id: stream.id });
};

/** `GET /v1/stream/{id}/stop`: stops the stream, which stays readable as `stopped` (untyped upstream). */
export const stopLiveStreamV1: OperationHandler = (context) => {
  const stream = findStream(context);
  if (stream instanceof Response) return stream;
  const { liveStreams } = context.state;
  liveStreams.stop(stream);
  return json({ message: "Stream stopped", stream_id: stream.id, status: liveStreams.status(stream) });
};

/** `POST /stream/probe` (and v1): the same URL always describes the same source. */
export const probeLiveStream: OperationHandler = ({ input }) =>
  json(probeStream((input.body as Schemas["ProbeLiveStreamRequest"]).url));
