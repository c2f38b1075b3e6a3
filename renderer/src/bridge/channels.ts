/** The contract's types and channel list, re-exported for the renderer. */
export { CHANNELS } from '../../../shared/ipc/contract';
export type {
  Channel,
  ChannelArg,
  ChannelResult,
  ExportContent,
  ExportKind,
  ImportFile,
  MergePreview,
  MergeRequest,
  QdpxImportRequest,
  AgreementRequestPayload,
  GlossBridge,
  HistoryInfo,
  HostEvent,
  HostEvents,
  ImportResponse,
  MenuCommand,
  OpResponse,
  SaveState,
  Snapshot,
} from '../../../shared/ipc/contract';
