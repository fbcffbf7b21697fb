// Reads a multipart/form-data request body as a stream, under the upload limits, into its parts.
import { sameMediaType } from "@camb-kit/client/spec";
import { type BodyParts, PartCollector } from "./part-collector.js";
import { bodyTooLarge, type Refusal, unparsable } from "./refusal.js";
import { discardRest, releaseLogCopy } from "./request-body.js";
import type { UploadSettings } from "./types.js";

export type MultipartRead = { ok: true; parts: BodyParts } | { ok: false; refusal: Refusal };

const NO_PARTS: BodyParts = { texts: new Map(), files: new Map() };

/**
 * Reads a request body chunk by chunk through multipasta (a runtime-neutral, synchronous parser): text parts
 * are collected, file parts go by (see PartCollector), and an analyser that is slower than the upload holds
 * the reading back. A body whose declared length is over the limit is refused unread; one that grows past
 * it, or stops making sense as multipart, is refused at that chunk, and the rest is read away unkept.
 * A body that is not `mediaType` at all has no parts, as Starlette gives FastAPI an empty form for it.
 */
export async function readMultipart(
  request: Request,
  mediaType: string,
  settings: UploadSettings,
  declaresFile: (field: string) => boolean,
): Promise<MultipartRead> {
  const body = request.body;
  if (!body) return { ok: true, parts: NO_PARTS };
  releaseLogCopy(request); // before any read, the discarding ones included
  const reader = body.getReader();
  const refuse = (refusal: Refusal): MultipartRead => {
    discardRest(reader);
    return { ok: false, refusal };
  };
  if (Number(request.headers.get("content-length")) > settings.limits.maxBytes)
    return refuse(bodyTooLarge(settings.limits));
  const contentType = request.headers.get("content-type") ?? "";
  if (!sameMediaType(contentType, mediaType)) {
    discardRest(reader);
    return { ok: true, parts: NO_PARTS };
  }
  const collector = new PartCollector(settings, declaresFile);
  const parser = collector.parser(contentType);
  try {
    while (!collector.failure) {
      const { done, value } = await reader.read();
      if (done) {
        parser.end();
        break;
      }
      parser.write(value);
      await collector.ready();
    }
  } catch {
    collector.fail(unparsable("the body broke off"));
  }
  if (collector.failure) return refuse(collector.failure);
  return { ok: true, parts: await collector.parts() };
}
