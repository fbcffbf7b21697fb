// A streaming transform that replaces the API key in a body, even when it is split across chunks.
const REDACTED = new TextEncoder().encode("[redacted]");

/**
 * Replaces every occurrence of `secret` in a byte stream, including one split across chunks, while
 * streaming: it holds back only the last `secret.length - 1` bytes of each chunk.
 */
export function redactStream(secret: string): TransformStream<Uint8Array, Uint8Array> {
  const needle = Buffer.from(secret);
  const keep = needle.length - 1;
  let carry: Buffer = Buffer.alloc(0);
  return new TransformStream({
    transform(chunk, controller) {
      const buffer = Buffer.concat([carry, chunk]);
      const safe = buffer.length - keep; // a match starting at or after this may still be incomplete
      let position = 0;
      for (let at = buffer.indexOf(needle); at !== -1 && at < safe; at = buffer.indexOf(needle, position)) {
        if (at > position) controller.enqueue(buffer.subarray(position, at));
        controller.enqueue(REDACTED);
        position = at + needle.length;
      }
      const end = Math.max(position, safe);
      if (end > position) controller.enqueue(buffer.subarray(position, end));
      carry = Buffer.from(buffer.subarray(end));
    },
    flush(controller) {
      if (carry.length > 0) controller.enqueue(carry);
    },
  });
}
