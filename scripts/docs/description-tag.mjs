// TypeDoc plugin: openapi-typescript puts each spec description in a JSDoc `@description` tag, which TypeDoc
// does not know. Registering the tag keeps the build warning-free, and moving its text into the summary
// makes the generated types read like the rest of the reference instead of under a "Description" heading.
import { Application, Converter } from "typedoc";

const TAG = "@description";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    const tags = app.options.getValue("blockTags");
    if (!tags.includes(TAG)) app.options.setValue("blockTags", [...tags, TAG]);
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const comment = reflection.comment;
      const tag = comment?.getTag(TAG);
      if (!comment || !tag) continue;
      const separator = comment.summary.length > 0 ? [{ kind: "text", text: "\n\n" }] : [];
      comment.summary = [...comment.summary, ...separator, ...tag.content];
      comment.removeTags(TAG);
    }
  });
}
