import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownFiles, yamlString } from './markdown';
import { safeStem, UniqueNames } from './file-names';
import { exportProject, HOSTILE } from './fixtures/export-project';

const files = () => Object.fromEntries(markdownFiles(exportProject()).map((f) => [f.path, f.content]));

describe('markdownFiles', () => {
  it('writes index.md and one safely named file per code, unique ignoring case', () => {
    const paths = markdownFiles(exportProject()).map((f) => f.path);
    expect(paths[0]).toBe('index.md');
    expect(paths.slice(1).sort()).toEqual(
      [
        "_script_alert(1)__script_ & _quotes_ 'too'.md",
        'a_b.md',
        'a_b (2).md',
        'Barriers.md',
        'Barriers - Data sharing.md',
        'Barriers - Data sharing - Health.md',
        'CON_.md',
        'Training gaps.md',
      ].sort(),
    );
    for (const path of paths) expect(path).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]|^[ .]|[ .]\.md$/);
  });

  it('starts each file with YAML front matter, then quotes the excerpts by document with a citation line', () => {
    expect(files()['Barriers - Data sharing.md']).toBe(
      [
        '---',
        'title: "Barriers > Data sharing"',
        'code: "Data sharing"',
        'path: "Barriers > Data sharing"',
        'color: "#222222"',
        'description: "Delays, \\"waiting\\" for records"',
        'codings: 2',
        '---',
        '',
        '# Barriers > Data sharing',
        '',
        'Delays, \\"waiting\\" for records',
        '',
        '## Council 😀',
        '',
        '> slow',
        '',
        '— Council 😀, characters 23–27 (Amira Haddad)',
        '',
        '## Interview, police',
        '',
        '> then left.',
        '> We waited – weeks.',
        '',
        "— Interview, police, characters 23–52 (Ben O\\'Neil)",
        '',
        '**Memo:** Note: first, \\"second\\"',
        '',
      ].join('\n'),
    );
  });

  it('adds the memos written about the code under its heading', () => {
    expect(files()['Training gaps.md']).toContain('\n# Training gaps\n\n**Memo:** Scope: Only formal \\*courses\\*\n\n## Interview, police\n');
  });

  it('keeps a multi-line excerpt inside one quote, blank lines included', () => {
    expect(files()['Barriers - Data sharing - Health.md']).toContain('> slow.\n>\n> Very slow.\n\n— Council 😀, characters 23–40 (Ben O\\\'Neil)\n');
  });

  it('escapes markup in names and descriptions, and quotes YAML values', () => {
    const hostile = files()["_script_alert(1)__script_ & _quotes_ 'too'.md"]!;
    // Pandoc reads front matter as Markdown: "<" is escaped there so the tag is not dropped.
    expect(hostile).toContain(`code: ${JSON.stringify(HOSTILE.replaceAll('<', '\\<'))}\n`);
    expect(hostile).toContain('\n# \\<script>alert(1)\\</script> & \\"quotes\\" \\\'too\\\'\n');
    expect(hostile).toContain('\n\\<b>bold\\</b> & \\*stars\\*\n');
    const body = hostile.slice(hostile.indexOf('\n---\n') + 5);
    expect(body).not.toMatch(/[^\\]<script>/);
  });

  it('links every code from index.md in tree order, nested by depth, with percent-encoded targets', () => {
    const index = files()['index.md']!;
    expect(index.startsWith('---\ntitle: "Pilot \\\\<study>"\ncodes: 8\n---\n\n# Pilot \\<study>\n')).toBe(true);
    expect(index).toContain(
      '- [Barriers](Barriers.md) (0)\n' +
        '  - [Data sharing](Barriers%20-%20Data%20sharing.md) (2)\n' +
        '    - [Health](Barriers%20-%20Data%20sharing%20-%20Health.md) (1)\n' +
        '- [CON](CON_.md) (0)\n',
    );
    expect(index).toContain("(_script_alert%281%29__script_%20%26%20_quotes_%20'too'.md)");
    // Positions in the notes are UTF-16 offsets, and the index says so.
    expect(index).toContain('(UTF-16 code units, end exclusive)');
  });
});

describe('escapeMarkdown', () => {
  it('escapes what starts markup and leaves plain punctuation alone', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) #tag $x$ a|b ~~s~~ <i> \\ ==hi== %%c%%')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\#tag \\$x\\$ a\\|b \\~\\~s\\~\\~ \\<i> \\\\ =\\=hi=\\= %\\%c%\\%',
    );
    expect(escapeMarkdown('Tom & Jerry: 3 > 2, ok!')).toBe('Tom & Jerry: 3 > 2, ok!');
    // What pandoc's smart typography would change: quotes, -- and ... are escaped.
    expect(escapeMarkdown(`they said 'not trained' -- "never"... --- ok`)).toBe(`they said \\'not trained\\' -\\- \\"never\\".\\.. -\\-\\- ok`);
    // An escaped "#" already keeps "&#39;" from being read as a character reference.
    expect(escapeMarkdown('&amp; &#39;')).toBe('\\&amp; &\\#39;');
  });
});

describe('yamlString', () => {
  it('writes a double-quoted scalar with escapes, C1 controls included', () => {
    expect(yamlString('a "b"\n\\ \u0085 \u0001')).toBe('"a \\"b\\"\\n\\\\ \\u0085 \\u0001"');
  });
});

describe('safeStem and UniqueNames', () => {
  it('replaces forbidden characters, trims dots and spaces, and avoids device names', () => {
    expect(safeStem('a\\b/c:d*e?f"g<h>i|j\u0001k')).toBe('a_b_c_d_e_f_g_h_i_j_k');
    expect(safeStem('  ..notes..  ')).toBe('notes');
    expect(safeStem('...')).toBe('_');
    expect(safeStem('con')).toBe('con_');
    expect(safeStem('LPT1.draft')).toBe('LPT1.draft_');
    expect(safeStem('Console')).toBe('Console');
    expect(safeStem('tab\tand\nnewline')).toBe('tab_and_newline');
  });

  it('cuts long names without splitting a surrogate pair', () => {
    const stem = safeStem('x'.repeat(119) + '😀' + 'y'.repeat(10));
    expect(stem).toBe('x'.repeat(119));
  });

  it('numbers names that differ only in case', () => {
    const names = new UniqueNames();
    names.reserve('index.md');
    expect([names.next('Index', '.md'), names.next('Trust', '.md'), names.next('trust', '.md'), names.next('TRUST', '.md')]).toEqual([
      'Index (2).md',
      'Trust.md',
      'trust (2).md',
      'TRUST (3).md',
    ]);
  });
});
