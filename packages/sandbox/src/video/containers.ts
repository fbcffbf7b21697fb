// The video containers the sandbox can write, with the media type the spec's media table gives each.
import { formatMediaTypes } from "@camb-kit/client/spec";

/**
 * The containers the sandbox writes (mediabunny muxes MP4, MOV and Matroska). Not `mxf`: the spec's fourth
 * video format has no pure-JS muxer (MXF is an SMPTE broadcast container no npm package writes without
 * ffmpeg).
 */
const WRITABLE = ["mp4", "mkv", "mov"] as const;

export type VideoContainer = (typeof WRITABLE)[number];

/** The media type of each container the sandbox writes, read from the generated media table. */
export const videoContentTypes: { readonly [C in VideoContainer]: (typeof formatMediaTypes)[C] } = {
  mp4: formatMediaTypes.mp4,
  mkv: formatMediaTypes.mkv,
  mov: formatMediaTypes.mov,
};

/** Whether the sandbox can write a video container: mp4, mkv and mov, but not mxf. */
export function canRenderVideo(container: string): container is VideoContainer {
  return (WRITABLE as readonly string[]).includes(container);
}
