import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../shared/model/schema';
import { aboutText, LICENCE } from './about';

const facts = { version: '1.2.3', electron: '42.11.2', chrome: '140.0.1', node: '22.20.0', dataDir: '/home/ana/.config/Gloss' };

describe('the About box', () => {
  it('names the version, the licence, the project-file format version, the runtime and the data folder', () => {
    const { message, detail } = aboutText(facts);
    expect(message).toBe('Gloss 1.2.3');
    const lines = detail.split('\n');
    expect(lines).toContain('Licence: MIT');
    expect(lines).toContain(`Project files: gloss-project format version ${CURRENT_VERSION} (older versions are brought up to date when opened)`);
    expect(lines).toContain('Electron 42.11.2, Chromium 140.0.1, Node 22.20.0');
    expect(lines).toContain('Data folder: /home/ana/.config/Gloss');
  });

  it('states the licence package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { license: string };
    expect(LICENCE).toBe(pkg.license);
  });
});
