// How large an upload may be: the whole body, one text part, the head kept of each file, the parts' count.

/** The limits every multipart body is read under. */
export interface UploadLimits {
  /** The whole request body in bytes; past it the answer is 413 while the body is still arriving. */
  maxBytes: number;
  /** One text part in bytes (text parts are held in memory); past it, 413. */
  maxTextPartBytes: number;
  /** Bytes kept from the start of each file part the operation declares, for sniffing its format. */
  headBytes: number;
  /** Parts in one body; past it, 400. */
  maxParts: number;
}

/** The `uploads` option: any limit left out keeps its default. */
export type UploadLimitOptions = Partial<UploadLimits>;

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/**
 * The sandbox's own bounds (the spec declares none). 2 GiB covers the video uploads the API takes; the text
 * part cap and the part count are Starlette's defaults (`max_part_size` 1 MB, `max_fields` 1000), the
 * framework behind the API's FastAPI. 256 KiB of head holds any audio or container header.
 */
export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = {
  maxBytes: 2 * GIB,
  maxTextPartBytes: 1 * MIB,
  headBytes: 256 * KIB,
  maxParts: 1000,
};

function whole(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`uploads.${name} must be an integer >= ${min}`);
  return value;
}

/** The limits with defaults filled in; a limit that is not a whole number in range is a RangeError. */
export function resolveUploadLimits(options: UploadLimitOptions = {}): UploadLimits {
  const d = DEFAULT_UPLOAD_LIMITS;
  return {
    maxBytes: whole("maxBytes", options.maxBytes ?? d.maxBytes, 1),
    maxTextPartBytes: whole("maxTextPartBytes", options.maxTextPartBytes ?? d.maxTextPartBytes, 1),
    headBytes: whole("headBytes", options.headBytes ?? d.headBytes, 0),
    maxParts: whole("maxParts", options.maxParts ?? d.maxParts, 1),
  };
}
