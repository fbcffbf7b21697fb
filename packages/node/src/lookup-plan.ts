// Splits run ids into bulk result lookups within the endpoint's bounds, and single lookups for the rest.
/** How a list of run ids is asked for: bulk calls within the endpoint's bounds, the rest one by one. */
export interface LookupPlan {
  bulk: number[][];
  single: number[];
}

/**
 * Chunks of `bounds.max`; a remainder below `bounds.min` (and any lone id) goes to the single-result
 * endpoint, since the bulk endpoint rejects it (tts takes 2–5 ids). Families without a bulk endpoint
 * (`bounds` null) are all single.
 */
export function planLookups(
  runIds: readonly number[],
  bounds: { min: number; max: number } | null,
): LookupPlan {
  const plan: LookupPlan = { bulk: [], single: [] };
  if (!bounds) return { bulk: [], single: [...runIds] };
  const min = Math.max(2, bounds.min); // a single id always uses the single-result endpoint
  for (let start = 0; start < runIds.length; start += bounds.max) {
    const chunk = runIds.slice(start, start + bounds.max);
    if (chunk.length >= min) plan.bulk.push(chunk);
    else plan.single.push(...chunk);
  }
  return plan;
}
