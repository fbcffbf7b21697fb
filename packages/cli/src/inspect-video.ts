// Checks a saved MP4/MOV/M4A file for real: its boxes tile the file, its movie parses (mp4box, GPAC's parser)
// with its video and audio tracks, and every sample of every track lies inside the file's media data.
import { open } from "node:fs/promises";
import { CambError } from "@camb-kit/client";
import { createFile, type Movie, MP4BoxBuffer } from "mp4box";

/** What a saved video turned out to be. */
export interface VideoInfo {
  path: string;
  format: "mp4";
  bytes: number;
  durationSeconds: number;
  video: { codec: string; width: number; height: number; samples: number } | undefined;
  audio: { codec: string; sampleRate: number; channels: number; samples: number } | undefined;
}

export class UndecodableVideoError extends CambError {
  override readonly name: string = "UndecodableVideoError";
}

interface TopBox {
  type: string;
  start: number;
  size: number;
}

/** The top-level boxes, read header by header: a box past the end of the file is a truncated file. */
async function topBoxes(handle: import("node:fs/promises").FileHandle, bytes: number): Promise<TopBox[]> {
  const boxes: TopBox[] = [];
  const header = Buffer.alloc(16);
  for (let start = 0; start < bytes; ) {
    const { bytesRead } = await handle.read(header, 0, 16, start);
    if (bytesRead < 8) throw new UndecodableVideoError(`a box header is cut short at byte ${start}`);
    let size = header.readUInt32BE(0);
    const type = header.toString("latin1", 4, 8);
    if (size === 1) size = Number(header.readBigUInt64BE(8));
    if (size === 0) size = bytes - start; // "to the end of the file"
    if (size < 8 || start + size > bytes)
      throw new UndecodableVideoError(`box ${type} at byte ${start} runs past the end of the file`);
    boxes.push({ type, start, size });
    start += size;
  }
  return boxes;
}

/** Parses the movie from every box but the media data, which mp4box does not need to describe the tracks. */
async function parseMovie(handle: import("node:fs/promises").FileHandle, boxes: TopBox[]) {
  const file = createFile();
  let movie: Movie | undefined;
  file.onReady = (info) => {
    movie = info;
  };
  file.onError = (module: string, message: string) => {
    throw new UndecodableVideoError(`${module}: ${message}`);
  };
  for (const box of boxes.filter((item) => item.type !== "mdat")) {
    const buffer = new MP4BoxBuffer(box.size);
    await handle.read(new Uint8Array(buffer), 0, box.size, box.start);
    buffer.fileStart = box.start;
    file.appendBuffer(buffer);
  }
  file.flush();
  if (!movie) throw new UndecodableVideoError("no movie (moov) box");
  return { file, movie };
}

/** Decodes the structure of an MP4/MOV file whole and reports its tracks. */
export async function inspectVideo(path: string): Promise<VideoInfo> {
  const handle = await open(path, "r");
  try {
    const bytes = (await handle.stat()).size;
    const boxes = await topBoxes(handle, bytes);
    if (boxes[0]?.type !== "ftyp")
      throw new UndecodableVideoError("not an ISO media file (no ftyp box first)");
    const mdat = boxes.filter((box) => box.type === "mdat");
    const { file, movie } = await parseMovie(handle, boxes);
    for (const track of movie.tracks) {
      const inside = file
        .getTrackSamplesInfo(track.id)
        .every((sample) =>
          mdat.some(
            (box) => sample.offset >= box.start && sample.offset + sample.size <= box.start + box.size,
          ),
        );
      if (!inside || track.nb_samples === 0)
        throw new UndecodableVideoError(`track ${track.id} has samples outside the media data, or none`);
    }
    const video = movie.videoTracks[0];
    const audio = movie.audioTracks[0];
    if (!video && !audio) throw new UndecodableVideoError("neither a video nor an audio track");
    return {
      path,
      format: "mp4",
      bytes,
      durationSeconds: movie.duration / movie.timescale,
      video: video && {
        codec: video.codec,
        width: video.video?.width ?? 0,
        height: video.video?.height ?? 0,
        samples: video.nb_samples,
      },
      audio: audio && {
        codec: audio.codec,
        sampleRate: audio.audio?.sample_rate ?? 0,
        channels: audio.audio?.channel_count ?? 0,
        samples: audio.nb_samples,
      },
    };
  } finally {
    await handle.close();
  }
}

/** `MP4 12.0 s, avc1.42c01e 320x240 (360 frames) + mp4a.40.2 24000 Hz mono`. */
export function describeVideo(info: VideoInfo): string {
  const { video, audio } = info;
  const picture = video
    ? `${video.codec} ${video.width}x${video.height} (${video.samples} frames)`
    : "no video";
  const sound = audio
    ? `${audio.codec} ${audio.sampleRate} Hz ${audio.channels === 1 ? "mono" : `${audio.channels} ch`}`
    : "no audio";
  return `MP4 ${info.durationSeconds.toFixed(1)} s, ${picture} + ${sound}`;
}
