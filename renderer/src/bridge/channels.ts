/** The contract's types and channel list, re-exported for the renderer. */
import type { ImportResponse as ImportResponseOf, IndexReply } from '../../../shared/ipc/contract';
import type { IndexChange } from '../../../shared/model/document-index';

export { CHANNELS } from '../../../shared/ipc/contract';
export type {
  Channel,
  ChannelArg,
  ChannelResult,
  ChosenFile,
  CoderNamed,
  ExportContent,
  ExportKind,
  FilePurpose,
  FileRef,
  ImportFile,
  MergePreview,
  MergeRequest,
  QdpxImportRequest,
  AgreementRequestPayload,
  GlossBridge,
  HistoryInfo,
  HostEvent,
  HostEvents,
  IndexReply,
  MenuCommand,
  SaveState,
  Snapshot,
} from '../../../shared/ipc/contract';
export type { DocumentContent, DocumentEntry, IndexChange, IndexState, ProjectIndex } from '../../../shared/model/document-index';

/** An operation's outcome as the renderer receives it: its Change without document texts. */
export type OpResponse = IndexReply;
/** An import's outcome as the renderer receives it. */
export type ImportResponse = ImportResponseOf<IndexChange>;
