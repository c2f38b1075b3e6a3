/**
 * What each channel's reply carries for the renderer's store. A reply that changes the open
 * project carries its Change (with the history labels), documents as index entries without
 * their text; one that opens a different project carries that project's snapshot (its
 * index); naming the coder carries who codes now; 'documents:text' carries one document's
 * text for the text cache; the export settings' replies carry what the host has saved.
 * Every channel is listed, so a new one cannot be added without saying what its reply does
 * to the store. bridge/call.ts applies these; nothing else applies a reply.
 */
import type { DocumentContent, IndexChange } from '../../../shared/model/document-index';
import type { ExportSettings } from '../../../shared/ipc/contract';
import type { Channel, ChannelResult, CoderNamed, OpResponse, SaveState, Snapshot } from './channels';

export interface ReplyEffect {
  /** An operation's outcome: its Change goes to the mirror; a refusal fails the call with its message. */
  op?: OpResponse | null;
  /** A different project, now open in place of the previous one. */
  opened?: Snapshot | null;
  /** Who codes in this window now. */
  coder?: CoderNamed;
  save?: SaveState;
  /** A document's text and structure, for the text cache. */
  text?: DocumentContent;
  /** The export settings as the host keeps them. */
  exportSettings?: ExportSettings;
}

const NOTHING: ReplyEffect = {};
const nothing = (): ReplyEffect => NOTHING;

export const REPLY_EFFECTS: { [C in Channel]: (reply: ChannelResult<C>) => ReplyEffect } = {
  'project:snapshot': (snapshot) => ({ opened: snapshot }),
  'ops:run': (response) => ({ op: response }),
  'ops:previewAnonymise': nothing,
  'ops:previewAutocode': nothing,
  'search:run': nothing,
  'suggest:forCode': nothing,
  'suggest:recall': nothing,
  'speakers:list': nothing,
  'analysis:run': nothing,
  'history:undo': (response) => ({ op: response }),
  'history:redo': (response) => ({ op: response }),
  'documents:text': (content) => ({ text: content }),
  'documents:import': (response) => ({ op: response.result }),
  'documents:importCopies': (response) => ({ op: response.result }),
  'files:choose': nothing,
  'export:content': nothing,
  'export:save': nothing,
  'settings:export': (exportSettings) => ({ exportSettings }),
  'settings:setExport': (exportSettings) => ({ exportSettings }),
  'project:saveNow': (save) => ({ save }),
  'project:newDialog': (snapshot) => ({ opened: snapshot }),
  'project:openDialog': (snapshot) => ({ opened: snapshot }),
  'project:openRecent': (snapshot) => ({ opened: snapshot }),
  'exchange:importQdpx': (imported) => ({ opened: imported?.snapshot ?? null }),
  'exchange:previewCodebook': nothing,
  'exchange:importCodebook': ({ result }) => ({ op: result }),
  'team:setCoderName': (named) => ({ coder: named }),
  'team:agreement': nothing,
  'team:previewMerge': nothing,
  'team:applyMerge': ({ result }) => ({ op: result }),
  'audit:list': nothing,
  'backups:list': nothing,
  'backups:restore': (response) => ({ op: response }),
  'backups:forget': nothing,
  'task:cancel': nothing,
};

/** The change a reply would apply to the mirror, if any. */
export function changeOf(effect: ReplyEffect): IndexChange | null {
  return effect.op?.ok ? effect.op.change : null;
}
