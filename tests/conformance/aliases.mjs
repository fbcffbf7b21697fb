// Where each @camb-kit import resolves in a conformance world: the client from its fixture-generated copy,
// every other package from its own, unedited source. vitest.config.ts uses these as aliases, the type check
// as tsconfig paths.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packages = fileURLToPath(new URL("../../packages", import.meta.url));

/** Exact module names, most specific first: `@camb-kit/client` must not swallow `@camb-kit/client/spec`. */
export function aliasesFor(world) {
  const client = join(world, "client-src");
  return {
    "@camb-kit/client/spec": join(client, "spec.ts"),
    "@camb-kit/client/internal": join(client, "internal.ts"),
    "@camb-kit/client": join(client, "index.ts"),
    "@camb-kit/polling/internal": join(packages, "polling/src/internal.ts"),
    "@camb-kit/polling": join(packages, "polling/src/index.ts"),
    "@camb-kit/node": join(packages, "node/src/index.ts"),
    "@camb-kit/sandbox": join(packages, "sandbox/src/index.ts"),
    "@camb-kit/react": join(packages, "react/src/index.ts"),
    "@camb-kit/cli": join(packages, "cli/src/index.ts"),
  };
}
