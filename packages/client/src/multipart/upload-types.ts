// The spec's paths with every file part (a `format: binary` property, typed Blob) also taking a StreamedFile.
import type { StreamedFile } from "./form-entries.js";

/** A property's type with Blob widened to Blob | StreamedFile (alone, optional, or as array items). */
type FileOrStream<T> = T extends Blob
  ? T | StreamedFile
  : T extends (infer Item)[]
    ? (Item extends Blob ? Item | StreamedFile : Item)[]
    : T;

type WithStreams<Body> = { [Key in keyof Body]: FileOrStream<Body[Key]> };

/** An operation whose body may have file parts, with them widened; any other is unchanged. */
type UploadOperation<Operation> = Operation extends { requestBody: { content: infer Content } }
  ? Omit<Operation, "requestBody"> & {
      requestBody: { content: { [Type in keyof Content]: WithStreams<Content[Type]> } };
    }
  : Operation;

/**
 * `paths` as uploads take them: what the spec types as a file (Blob) also takes a StreamedFile, the one-shot
 * stream the client sends once. A JSON body has no Blob, so only multipart bodies change.
 */
export type UploadPaths<Paths> = {
  [Path in keyof Paths]: { [Method in keyof Paths[Path]]: UploadOperation<Paths[Path][Method]> };
};
