// Setup of the React 18 test project: every `require` of react or react-dom (from CommonJS code Vite does not
// transform, react-dom itself included) loads the react-18 / react-dom-18 aliases instead of React 19.
import Module from "node:module";

type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const resolve = internals._resolveFilename;
// react-dom-18 is installed next to React 19 (the package's own), and its `require("react")` finds that one:
// pnpm resolves an aliased package's peers from the package that depends on it.
internals._resolveFilename = function (request, ...rest) {
  const aliased = request.replace(/^(react|react-dom)(?=$|\/)/, "$1-18");
  return resolve.call(this, aliased, ...rest);
};
