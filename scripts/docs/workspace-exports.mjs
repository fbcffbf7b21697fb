// TypeDoc plugin: its `notExported` check skips every type whose nearest package.json is not the project's,
// and one reference of many packages (project "camb-kit") would thereby excuse all of them. Claiming the
// types declared in this repository's sources for the project makes the check bite again: a public export
// that names an interface, class or plain alias no public entry exports (say, one from `/internal`) fails.
// Generic type aliases stay excused: they are type-level functions (`JsonContent<Operation>`) that compute
// a public signature's types from the spec's, a user never writes their names, and exporting each would
// turn the packages' plumbing into API. The reference shows their names unlinked.
import { Converter, makeRecursiveVisitor } from "typedoc";
import ts from "typescript";

const inRepository = (fileName) =>
  typeof fileName === "string" && !fileName.split(/[\\/]/).includes("node_modules");

/** Whether `name` is declared in `fileName` as a type alias with type parameters (and as nothing else). */
function isGenericAlias(programs, fileName, name) {
  const source = programs.map((program) => program.getSourceFile(fileName)).find(Boolean);
  const declarations = (source?.statements ?? []).filter(
    (statement) =>
      (ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name?.text === name,
  );
  return (
    declarations.length > 0 &&
    declarations.every((node) => ts.isTypeAliasDeclaration(node) && (node.typeParameters?.length ?? 0) > 0)
  );
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const project = context.project;
    const visitor = makeRecursiveVisitor({
      reference(type) {
        const id = type.symbolId;
        if (!type.package || type.reflection || !inRepository(id?.fileName)) return;
        if (isGenericAlias(context.programs, id.fileName, id.qualifiedName)) return;
        type.package = project.packageName;
      },
    });
    // Every reflection (declarations, signatures, parameters, type parameters, type literals' members) is
    // in project.reflections, so visiting each one's own types reaches every reference without a walk.
    for (const reflection of Object.values(project.reflections)) {
      for (const key of ["type", "default", "overwrites", "inheritedFrom", "implementationOf"]) {
        reflection[key]?.visit?.(visitor);
      }
      for (const key of ["extendedTypes", "implementedTypes", "extendedBy", "implementedBy"]) {
        for (const type of reflection[key] ?? []) type.visit(visitor);
      }
    }
  });
}
