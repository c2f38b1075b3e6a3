import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, isMenuCommand, type CommandId } from '../../../shared/app/commands';
import { VIEWS } from '../../../shared/app/views';
import { COMMAND_HANDLERS } from './commands';
import { DIALOGS } from './dialogs';
import { VIEW_REGISTRY } from './views';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererSrc = path.resolve(here, '..');

async function sources(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return nested.flat().filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
}

describe('the renderer’s registries', () => {
  it('give every view of the view list a component, and list no other view', () => {
    expect(Object.keys(VIEW_REGISTRY).sort()).toEqual(VIEWS.map((v) => v.id).sort());
    for (const view of VIEWS) {
      expect(typeof VIEW_REGISTRY[view.id].component, view.id).toBe('function');
      expect(typeof VIEW_REGISTRY[view.id].panes, view.id).toBe('boolean');
    }
  });

  it('give every dialog a component and say whether it needs a project', () => {
    expect(Object.keys(DIALOGS).length).toBeGreaterThan(0);
    for (const [kind, entry] of Object.entries(DIALOGS)) {
      expect(typeof entry.component, kind).toBe('function');
      expect(typeof entry.needsProject, kind).toBe('boolean');
    }
  });

  it('handle every command the renderer carries out, and only those', () => {
    const renderer = (Object.keys(COMMANDS) as CommandId[]).filter(isMenuCommand);
    expect(Object.keys(COMMAND_HANDLERS).sort()).toEqual([...renderer].sort());
    for (const command of renderer) expect(typeof COMMAND_HANDLERS[command], command).toBe('function');
  });

  it('reach the host only through bridge/call.ts: no other module uses the bridge itself', async () => {
    const offenders: string[] = [];
    for (const file of await sources(rendererSrc)) {
      const relative = path.relative(rendererSrc, file);
      if (relative.startsWith(`bridge${path.sep}`)) continue;
      const text = await fs.readFile(file, 'utf8');
      if (/getBridge|from '(\.\.\/)+bridge'|from '\.\.\/bridge\/index'|window\.gloss/.test(text)) offenders.push(relative);
    }
    expect(offenders).toEqual([]);
  });
});
