/**
 * The only bridge between the sandboxed renderer and the main process: one function per
 * channel of the contract, plus event subscription. ipcRenderer itself is never exposed.
 *
 * Bundled by build/build-electron.mjs into dist/electron/preload.cjs, a single CommonJS
 * file that requires nothing but 'electron' (a sandboxed preload cannot load more). Only
 * types come from shared/, so the contract's zod schemas stay out of the bundle; the
 * channel list is therefore spelled out here, and `satisfies GlossBridge` fails the
 * type-check if a channel is missing or has the wrong shape.
 */
import type { Channel, ChannelArg, ChannelResult, GlossBridge, HostEvent, HostEvents } from '../shared/ipc/contract';
import { EVENT_CHANNEL, type EventMessage, type IpcReply } from './ipc-wire';

/**
 * The two pieces of Electron the preload uses. Declared here rather than imported from
 * 'electron' because this file is type-checked with the renderer (DOM, no Node), and
 * electron.d.ts pulls in @types/node, which would change globals such as setTimeout for
 * every renderer file.
 */
interface PreloadElectron {
  contextBridge: { exposeInMainWorld(apiKey: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  };
}
declare const require: (id: 'electron') => PreloadElectron;
const { contextBridge, ipcRenderer } = require('electron');

async function invoke<C extends Channel>(channel: C, arg?: ChannelArg<C>): Promise<ChannelResult<C>> {
  const reply = (await ipcRenderer.invoke(channel, arg)) as IpcReply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ChannelResult<C>;
}

const api = {
  'project:snapshot': () => invoke('project:snapshot'),
  'ops:run': (request) => invoke('ops:run', request),
  'ops:previewAnonymise': (request) => invoke('ops:previewAnonymise', request),
  'ops:previewAutocode': (request) => invoke('ops:previewAutocode', request),
  'search:run': (request) => invoke('search:run', request),
  'suggest:forCode': (request) => invoke('suggest:forCode', request),
  'suggest:recall': (request) => invoke('suggest:recall', request),
  'speakers:list': () => invoke('speakers:list'),
  'analysis:run': (request) => invoke('analysis:run', request),
  'history:undo': () => invoke('history:undo'),
  'history:redo': () => invoke('history:redo'),
  'documents:text': (documentId) => invoke('documents:text', documentId),
  'documents:import': (files) => invoke('documents:import', files),
  'documents:importCopies': (files) => invoke('documents:importCopies', files),
  'files:choose': (purpose) => invoke('files:choose', purpose),
  'export:content': (request) => invoke('export:content', request),
  'export:save': (request) => invoke('export:save', request),
  'settings:export': () => invoke('settings:export'),
  'settings:setExport': (settings) => invoke('settings:setExport', settings),
  'project:saveNow': () => invoke('project:saveNow'),
  'project:newDialog': () => invoke('project:newDialog'),
  'project:openDialog': () => invoke('project:openDialog'),
  'project:openRecent': (path) => invoke('project:openRecent', path),
  'exchange:importQdpx': (request) => invoke('exchange:importQdpx', request),
  'exchange:previewCodebook': (file) => invoke('exchange:previewCodebook', file),
  'exchange:importCodebook': (file) => invoke('exchange:importCodebook', file),
  'team:setCoderName': (name) => invoke('team:setCoderName', name),
  'team:agreement': (request) => invoke('team:agreement', request),
  'team:previewMerge': (request) => invoke('team:previewMerge', request),
  'team:applyMerge': (request) => invoke('team:applyMerge', request),
  'task:cancel': (taskId) => invoke('task:cancel', taskId),
  'audit:list': () => invoke('audit:list'),
  'backups:list': () => invoke('backups:list'),
  'backups:restore': (id) => invoke('backups:restore', id),
  'backups:forget': () => invoke('backups:forget'),
  on<E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
    const forward = (_event: unknown, ...args: unknown[]) => {
      const message = args[0] as EventMessage | undefined;
      if (message?.event === event) listener(message.payload as HostEvents[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies GlossBridge;

contextBridge.exposeInMainWorld('gloss', api);
