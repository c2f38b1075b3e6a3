import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../shared/model/schema';
import { qde, zipQdpx } from '../../shared/formats/refi/fixtures/qdpx-fixtures';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';
import { importQdpx, suggestedProjectName } from './exchange';

const CODER = { id: 'c1', name: 'Ana', color: '#112233' };

function host(answer: string | null, adopted: { file: ProjectFile; name: string }[]): HostContext {
  return {
    kind: 'browser',
    session: () => null,
    coder: () => CODER,
    recent: () => [],
    async adoptProject(file, name) {
      adopted.push({ file, name });
      return answer;
    },
  };
}

const qdpx = zipQdpx({
  'project.qde': qde('<Sources><TextSource guid="dddddddd-0000-4000-8000-000000000001" name="T"><PlainTextContent>Hello</PlainTextContent></TextSource></Sources>', {
    name: 'Field: notes/2024',
  }),
});

describe('importQdpx (host)', () => {
  it('hands the new project to the host with a file name from the project name', async () => {
    const adopted: { file: ProjectFile; name: string }[] = [];
    const result = await importQdpx(host('/tmp/x.gloss', adopted), { name: 'field.qdpx', bytes: qdpx }, 'auto');
    expect(result?.path).toBe('/tmp/x.gloss');
    expect(result?.report.imported.documents).toBe(1);
    expect(adopted).toHaveLength(1);
    expect(adopted[0]!.name).toBe('Field notes 2024');
    expect(adopted[0]!.file.documents[0]!.text).toBe('Hello');
  });

  it('resolves to null when the user cancels', async () => {
    expect(await importQdpx(host(null, []), { name: 'field.qdpx', bytes: qdpx }, 'auto')).toBeNull();
  });

  it('refuses a damaged file with the importer’s message, before asking the host', async () => {
    const adopted: { file: ProjectFile; name: string }[] = [];
    await expect(importQdpx(host('/tmp/x.gloss', adopted), { name: 'bad.qdpx', bytes: new Uint8Array([1, 2, 3]) }, 'auto')).rejects.toThrow(
      new HandlerError('bad.qdpx: it is not a valid REFI-QDA project (.qdpx) file (its ZIP container is damaged or it is another kind of file); nothing was imported.'),
    );
    expect(adopted).toEqual([]);
  });

  it('refuses when the host cannot adopt a project', async () => {
    const ctx = { ...host(null, []), adoptProject: undefined };
    await expect(importQdpx(ctx, { name: 'field.qdpx', bytes: qdpx }, 'auto')).rejects.toBeInstanceOf(HandlerError);
  });

  it('names the file after the archive when the project has no name', () => {
    expect(suggestedProjectName('', 'Thesis.QDPX')).toBe('Thesis');
    expect(suggestedProjectName('  ', '.qdpx')).toBe('Imported project');
  });

  it('makes the name a file name every system takes, as exports do: no bidi override, device name or trailing dot', () => {
    expect(suggestedProjectName('Interview_\u202efdp.exe', 'x.qdpx')).toBe('Interview_fdp.exe');
    expect(suggestedProjectName('CON', 'x.qdpx')).toBe('CON_');
    expect(suggestedProjectName('Thesis...', 'x.qdpx')).toBe('Thesis');
    expect(suggestedProjectName('a/b:c\u0007', 'x.qdpx')).toBe('a b c');
  });
});
