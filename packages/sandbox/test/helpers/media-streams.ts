// Byte streams for the media tests (files, fixed chunks, huge lazy audio) and ffprobe's view of tags and frames.
import { execFileSync } from "node:child_process";
import { openAsBlob } from "node:fs";

export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function fileStream(path: string): Promise<ReadableStream<Uint8Array>> {
  return (await openAsBlob(path)).stream();
}

/** `bytes` in chunks of `size` (1 makes every multi-byte read span chunks). */
export function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

export interface LazyStream {
  stream: ReadableStream<Uint8Array>;
  /** Bytes handed out so far. */
  readonly sent: number;
  readonly cancelled: boolean;
}

/** The first chunk a stream yields (the sandbox's renderers yield the file header first). */
export async function firstChunk(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return value ?? new Uint8Array(0);
}

/**
 * `head`, then `body` repeated until `total` bytes, pulled on demand in chunks of `chunkSize` (which need not
 * divide `body`, so records can straddle chunks). Chunks are views of one doubled copy of `body`, so the
 * stream allocates no buffer as it runs: any growth in ArrayBuffer memory is the reader's.
 */
export function lazyStream(
  head: Uint8Array,
  body: Uint8Array,
  total: number,
  { chunkSize = body.length, onPull }: { chunkSize?: number; onPull?: () => void } = {},
): LazyStream {
  const doubled = new Uint8Array(body.length * 2);
  doubled.set(body);
  doubled.set(body, body.length);
  let sent = 0;
  let offset = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.();
        if (sent >= total) return controller.close();
        if (sent === 0 && head.length > 0) {
          sent = head.length;
          return controller.enqueue(head);
        }
        const size = Math.min(chunkSize, total - sent);
        controller.enqueue(doubled.subarray(offset, offset + size));
        offset = (offset + size) % body.length;
        sent += size;
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    get sent() {
      return sent;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

/** ffprobe's container tags (format_tags) of a file. */
export function ffprobeTags(path: string): Record<string, string> {
  const out = execFileSync("ffprobe", ["-v", "error", "-show_entries", "format_tags", "-of", "json", path]);
  return (JSON.parse(out.toString()) as { format: { tags?: Record<string, string> } }).format.tags ?? {};
}

/** ffprobe's count of MPEG frames (packets) and sample rate, read by demuxing the whole file. */
export function ffprobeFrames(path: string): { frames: number; sampleRate: number; duration: number } {
  const out = execFileSync("ffprobe", [
    ...["-v", "error", "-count_packets", "-select_streams", "a:0"],
    ...["-show_entries", "stream=nb_read_packets,sample_rate:format=duration", "-of", "json", path],
  ]);
  const parsed = JSON.parse(out.toString()) as {
    streams: { nb_read_packets: string; sample_rate: string }[];
    format: { duration: string };
  };
  return {
    frames: Number(parsed.streams[0]?.nb_read_packets),
    sampleRate: Number(parsed.streams[0]?.sample_rate),
    duration: Number(parsed.format.duration),
  };
}

/** Runs ffmpeg quietly, failing on the first decode error. */
export function ffmpeg(...args: string[]): Buffer {
  return execFileSync("ffmpeg", ["-v", "error", "-xerror", "-y", ...args]);
}
