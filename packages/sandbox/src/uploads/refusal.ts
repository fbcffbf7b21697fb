// The answers to a body that cannot be read: too large (413) or not multipart as it claims (400).
import type { MultipartError } from "multipasta";
import type { UploadLimits } from "./limits.js";

/** A request refused before validation: FastAPI's `{ detail }` answer with this status. */
export interface Refusal {
  status: 400 | 413;
  detail: string;
}

/** FastAPI's own detail when Starlette cannot parse a form (fastapi/routing.py). */
const UNPARSABLE = "There was an error parsing the body";

const bytes = (n: number) => `${n} bytes`;

export function bodyTooLarge(limits: UploadLimits): Refusal {
  return { status: 413, detail: `Request body too large: the limit is ${bytes(limits.maxBytes)}` };
}

export function unparsable(reason?: string): Refusal {
  return { status: 400, detail: reason ? `${UNPARSABLE}: ${reason}` : UNPARSABLE };
}

/** multipasta's error as the answer a client gets; `part` is the part being read when it struck. */
export function refusalFor(error: MultipartError, limits: UploadLimits, part: string | undefined): Refusal {
  switch (error._tag) {
    case "ReachedLimit":
      if (error.limit === "MaxTotalSize") return bodyTooLarge(limits);
      if (error.limit === "MaxFieldSize")
        return {
          status: 413,
          detail: `The text part ${JSON.stringify(part ?? "")} is too large: the limit is ${bytes(limits.maxTextPartBytes)}`,
        };
      return unparsable(`more than ${limits.maxParts} parts`);
    case "InvalidBoundary":
      return unparsable("the Content-Type has no multipart boundary");
    case "EndNotReached":
      return unparsable("the body ended before the closing boundary");
    case "InvalidDisposition":
      return unparsable("a part has no name in its Content-Disposition");
    case "BadHeaders":
      return unparsable("a part's headers are malformed");
  }
}
