#!/usr/bin/env bash
# Runs the test suites of the runtime-neutral packages (client, polling) on Node 22 and 24 as well as the
# Node 20 that runs everything else. The binaries come from the `node` npm package (the registry is the only
# network here); they are cached in .tmp/node-matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
for major in 22 24; do
  dir=".tmp/node-matrix/$major"
  if [ ! -x "$dir/node_modules/node/bin/node" ]; then
    mkdir -p "$dir"
    (cd "$dir" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --loglevel=error "node@$major" >/dev/null)
  fi
  node_bin="$PWD/$dir/node_modules/node/bin"
  echo "== Node $("$node_bin/node" --version)"
  for package in client polling realtime; do
    (cd "packages/$package" && PATH="$node_bin:$PATH" node ../../node_modules/vitest/vitest.mjs run --reporter=dot)
  done
done
