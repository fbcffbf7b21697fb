// The reference's front page: the HTTP API (Redocly) and one link per public entry point into TypeDoc's
// pages, found by reading the pages TypeDoc wrote (its file naming is its own business).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const escapeHtml = (text) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** Code spans in a header comment, as HTML. */
const inline = (text) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

/** `modules/<file>.html` of each module TypeDoc wrote, by the module's name (its page title). */
export function modulePages(typedocDir) {
  const dir = join(typedocDir, "modules");
  const pages = new Map();
  if (!existsSync(dir)) return pages;
  for (const file of readdirSync(dir)) {
    const title = /<title>([^<|]+?)\s*(\||<)/.exec(readFileSync(join(dir, file), "utf8"))?.[1];
    if (title) pages.set(title.replaceAll("&amp;", "&"), `modules/${file}`);
  }
  return pages;
}

/** The front page's HTML; `apiTitle` is the spec's `info.title`. */
export function indexPage({ apiTitle, entries, pages, httpHref, packagesHref }) {
  const rows = entries.map((entry) => {
    const href = `${packagesHref}/${pages.get(entry.specifier)}`;
    return `      <li><a href="${escapeHtml(href)}"><code>${escapeHtml(entry.specifier)}</code></a> ${inline(entry.summary)}</li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>camb-kit reference</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1f; }
    code { font: 0.9em ui-monospace, monospace; }
    li { margin: 0.4rem 0; }
  </style>
</head>
<body>
  <h1>camb-kit reference</h1>
  <p>Built by <code>pnpm docs</code> from <code>openapi/camb.yaml</code> and the packages' sources.</p>
  <h2><a href="${escapeHtml(httpHref)}">${escapeHtml(apiTitle)}: the HTTP API</a></h2>
  <p>Every operation, parameter, body and response of the spec (Redocly).</p>
  <h2><a href="${escapeHtml(`${packagesHref}/index.html`)}">The packages' public API</a></h2>
  <p>Every export of each public entry point (TypeDoc); <code>/internal</code> entries are not public.</p>
  <ul>
${rows.join("\n")}
  </ul>
</body>
</html>
`;
}
