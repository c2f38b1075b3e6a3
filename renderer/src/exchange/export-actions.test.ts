import { beforeEach, describe, expect, it } from 'vitest';
import { projectIndex } from '../../../shared/model/document-index';
import { emptyProjectFile } from '../../../shared/model/state';
import type { GlossBridge } from '../bridge/channels';
import { setBridge } from '../bridge';
import { useGloss } from '../store';
import { exportFile, loadExportSettings, setCsvRaw } from './actions';

/** A desktop host that keeps the export settings as settings.json would, and records what it is sent. */
function desktopHost(options: { settingsFail?: string } = {}) {
  let saved = { csvRaw: false };
  const sent: { channel: string; arg: unknown }[] = [];
  const answer = (channel: string, reply: (arg: never) => unknown) => async (arg: never) => {
    sent.push({ channel, arg });
    if (options.settingsFail && channel.startsWith('settings:')) throw new Error(options.settingsFail);
    return reply(arg);
  };
  setBridge({
    'settings:export': answer('settings:export', () => saved),
    'settings:setExport': answer('settings:setExport', (settings: { csvRaw: boolean }) => (saved = { ...settings })),
    'export:save': answer('export:save', () => ({ path: '/tmp/excerpts.csv' })),
  } as unknown as GlossBridge);
  return { sent, saved: () => saved, preset: (csvRaw: boolean) => (saved = { csvRaw }) };
}

describe('the raw CSV setting and exports', () => {
  beforeEach(() => {
    useGloss.setState({ messages: [], csvRaw: false });
    useGloss.getState().loadSnapshot({
      index: projectIndex(emptyProjectFile('Study', 'x')),
      path: '/tmp/study.gloss',
      readOnly: false,
      save: { status: 'saved', at: null },
      history: { undo: null, redo: null },
      coder: { id: 'me', name: 'Ana', color: '#000000' },
      coderUnnamed: false,
      host: 'electron',
      recent: [],
    });
  });

  it('asks for safe cells until the setting is on, then for raw ones, and takes the setting from the host at start', async () => {
    const host = desktopHost();
    await exportFile('excerpts-csv');
    expect(host.sent.at(-1)).toEqual({ channel: 'export:save', arg: { kind: 'excerpts-csv', csvRaw: false } });
    expect(useGloss.getState().messages.map((m) => m.text)).toEqual(['Exported to /tmp/excerpts.csv.']);

    await setCsvRaw(true);
    expect(host.sent.at(-1)).toEqual({ channel: 'settings:setExport', arg: { csvRaw: true } });
    expect(useGloss.getState().csvRaw).toBe(true);
    await exportFile('codebook-csv');
    expect(host.sent.at(-1)).toEqual({ channel: 'export:save', arg: { kind: 'codebook-csv', csvRaw: true } });

    // A new window starts with the safe default and takes the kept setting from the host's reply.
    useGloss.setState({ csvRaw: false });
    await loadExportSettings();
    expect(useGloss.getState().csvRaw).toBe(true);
    host.preset(false);
    await loadExportSettings();
    expect(useGloss.getState().csvRaw).toBe(false);
  });

  it('keeps the setting as it was and says so when the host cannot save it; a failed load keeps the safe default quietly', async () => {
    desktopHost({ settingsFail: "Gloss's settings could not be written (the disk is full), so the setting was not changed." });
    await setCsvRaw(true);
    expect(useGloss.getState().csvRaw).toBe(false);
    expect(useGloss.getState().messages.map((m) => m.text)).toEqual([
      "The export setting was not saved: Gloss's settings could not be written (the disk is full), so the setting was not changed.",
    ]);

    useGloss.setState({ messages: [] });
    await loadExportSettings();
    expect(useGloss.getState().csvRaw).toBe(false);
    expect(useGloss.getState().messages).toEqual([]);
  });

  it('sends the Analysis view’s filter with the analysis tables only, and asks which sections go in the report first', async () => {
    const host = desktopHost();
    await exportFile('frequencies-csv');
    expect(host.sent.at(-1)).toEqual({ channel: 'export:save', arg: { kind: 'frequencies-csv', csvRaw: false } });
    useGloss.setState({ coderFilter: ['me'] });
    await exportFile('matrix-csv');
    expect(host.sent.at(-1)).toEqual({ channel: 'export:save', arg: { kind: 'matrix-csv', csvRaw: false, filter: { coderIds: ['me'] } } });
    await exportFile('excerpts-csv');
    expect(host.sent.at(-1)).toEqual({ channel: 'export:save', arg: { kind: 'excerpts-csv', csvRaw: false } });
    const sent = host.sent.length;
    await exportFile('html-report');
    expect(host.sent).toHaveLength(sent);
    expect(useGloss.getState().dialog).toEqual({ kind: 'report-options' });
    await exportFile('html-report', { sections: ['frequencies'], filter: { coderIds: ['me'] } });
    expect(host.sent.at(-1)).toEqual({ channel: 'export:save', arg: { kind: 'html-report', csvRaw: false, sections: ['frequencies'], filter: { coderIds: ['me'] } } });
    useGloss.setState({ coderFilter: null, dialog: null });
  });
});
