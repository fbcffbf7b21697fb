// Reads a session to its end: the events it yielded, and the error it ended with (undefined for a clean end).
export async function collect<E>(session: AsyncIterable<E>): Promise<{ events: E[]; error: unknown }> {
  const events: E[] = [];
  try {
    for await (const event of session) events.push(event);
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}

/** Every way an error can be shown: message, stack, String(), JSON and util.inspect-like key listing. */
export function everyRendering(error: unknown): string {
  const record = error as Record<string, unknown>;
  return [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    JSON.stringify(Object.fromEntries(Object.entries(record))),
    String((error as { cause?: { message?: string } }).cause?.message ?? ""),
  ].join("\n");
}
