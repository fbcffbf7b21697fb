// @camb-kit/client/spec: the facts of openapi/camb.yaml, generated, with no HTTP code. The sandbox depends
// on this entry only; helpers read every path, media type, enum and limit they need from here.

export {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreatableTaskFamily,
  type CreateTaskBody,
  isTaskFamily,
  type ResultTaskFamily,
  type Schemas,
  type StatusTaskFamily,
  type TaskFamily,
  type TaskStatus,
  type TaskStatusResult,
} from "./families.js";
export {
  type ChannelId,
  type ChannelMessages,
  type ChannelQuery,
  type ChannelSchemas,
  type ClientMessage,
  type ClientMessageOf,
  channelSchemas,
  channels,
  realtimeServer,
  type ServerMessage,
  type ServerMessageOf,
} from "./generated/channels.js";
export { enumNames, enums } from "./generated/enums.js";
export { families } from "./generated/families.js";
export { limits } from "./generated/limits.js";
export {
  formatMediaTypes,
  type MediaType,
  mediaTypes,
  type OutputFormat,
} from "./generated/media.js";
export {
  type OperationSchemas,
  operationSchemas,
  type Schema,
} from "./generated/operation-schemas.js";
export { type OperationId, operations } from "./generated/operations.js";
export type { components, operations as operationTypes, paths } from "./generated/schema.js";
export { apiKeyHeader, defaultBaseUrl } from "./generated/service.js";
export { type ChannelUrlOptions, type ChannelUrlQuery, channelUrl } from "./spec/channel-url.js";
export { isOperationPath, matchOperation, type OperationMatch } from "./spec/match-operation.js";
export { extensionOf, mediaKind, normalizeMediaType, sameMediaType } from "./spec/media.js";
