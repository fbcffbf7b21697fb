// The packaging test's check of a packed package.json: a library declares ranges, never exact versions.
// An exact dependency forces a duplicate copy on every app that already has a newer compatible one, an exact
// peer makes npm refuse an app with any other version, and a leftover `workspace:` (or `catalog:`) means pnpm
// did not rewrite it.

// One plain version ("1.2.3", "=1.2.3", "v1.2.3-rc.1+build"): anything else (^, ~, >=, x, ||, -) is a range.
const EXACT = /^=?\s*v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Lists what is wrong with the dependencies and peerDependencies of one packed manifest, one line each. */
export function rangeProblems(manifest) {
  const problems = [];
  for (const field of ["dependencies", "peerDependencies"]) {
    for (const [name, raw] of Object.entries(manifest[field] ?? {})) {
      const spec = raw.trim();
      // An alias ("npm:other@1.2.3") is judged by the range after its last "@".
      const range = spec.startsWith("npm:") ? spec.slice(spec.lastIndexOf("@") + 1) : spec;
      if (/^(workspace|catalog):/.test(spec)) {
        problems.push(`${field}.${name} is still "${spec}" (pnpm should have rewritten it)`);
      } else if (EXACT.test(range)) {
        problems.push(
          `${field}.${name} is pinned exactly to "${spec}"; declare a range ("^${range.replace(/^=?\s*v?/, "")}")`,
        );
      }
    }
  }
  return problems;
}
