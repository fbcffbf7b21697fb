// The families today's task helpers serve end to end (a plain JSON create answering `{ task_id }`, a status
// object), read from the generated table the way the helpers' types read it, so tests that loop over
// families follow the spec instead of a hand-kept list. The table is passed in: this folder has no
// node_modules of its own to resolve @camb-kit/client from.

interface FamilyEntry {
  createBody: string;
  createParams: readonly string[];
  createMayFinish: boolean;
  statusKind: string;
}

/** Families `createAndWait` takes: JSON create without a parent run, no finished result, a status object. */
export function waitableFamilies<Name extends string>(families: Record<Name, FamilyEntry>): Name[] {
  return (Object.keys(families) as Name[]).filter((name) => {
    const entry = families[name];
    return (
      entry.createBody === "json" &&
      entry.createParams.length === 0 &&
      !entry.createMayFinish &&
      entry.statusKind === "task"
    );
  });
}
