// Bundle budgets (min+gzip) of what a browser app pays for each package. Packages the app already has are
// excluded (`ignore`): React and TanStack Query are peers, and a package's @camb-kit dependencies are counted
// in their own budget. openapi-fetch is included in the client's budget: it is the client's runtime.
module.exports = [
  { name: "openapi-fetch alone (baseline)", path: "packages/client/node_modules/openapi-fetch/dist/index.mjs", limit: "3.5 kB", gzip: true },
  { name: "@camb-kit/client", path: "packages/client/dist/index.js", import: "{ createCambClient, unwrap }", limit: "5 kB", gzip: true },
  { name: "@camb-kit/client (everything)", path: "packages/client/dist/index.js", import: "*", limit: "5.5 kB", gzip: true },
  {
    name: "@camb-kit/polling",
    path: "packages/polling/dist/index.js",
    import: "{ waitForTask, createAndWait, watchTask }",
    ignore: ["@camb-kit/client"],
    limit: "1.5 kB",
    gzip: true,
  },
];
