import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { htmlReport } from './html-report';
import { stateFromFile } from '../model/state';
import { codeTree } from '../model/codes';
import { exportProject, exportProjectFile, HOSTILE, POLICE } from './fixtures/export-project';

const dom = (html: string) => parseDocument(html);
const text = (node: Element) => DomUtils.textContent(node);
const all = (html: string, tag: string) => DomUtils.getElementsByTagName(tag, dom(html).children, true);

describe('htmlReport', () => {
  const html = htmlReport(exportProject());

  it('is one self-contained document: a language, the project as title, inline CSS, nothing external, no script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(text(all(html, 'title')[0]!)).toBe('Pilot <study>');
    expect(html).toContain('<title>Pilot &lt;study&gt;</title>');
    expect(all(html, 'script')).toHaveLength(0);
    expect(all(html, 'link')).toHaveLength(0);
    expect(all(html, 'img')).toHaveLength(0);
    expect(html).not.toMatch(/(?:src|href)="(?!#)|url\(|@import|https?:/);
    expect(html).toMatch(/@media print \{[^}]*\}?[\s\S]*section\.code \{ break-before: page; \}/);
  });

  it('escapes every name, description and excerpt', () => {
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;';
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<h3>${escaped}</h3>`); // the document name
    expect(html).toContain(`<h2><span class="swatch" style="background:#555555"></span>${escaped}</h2>`); // the code
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; *stars*');
    // The parsed text is exactly the original: escaped once, not twice.
    const headings = all(html, 'h3').map(text);
    expect(headings).toContain(HOSTILE);
  });

  it('outlines the codebook as nested lists in tree order, each code linking to its section', () => {
    const nav = all(html, 'nav')[0]!;
    const links = DomUtils.getElementsByTagName('a', nav, true);
    // Tree order: siblings by name (the locale's order for punctuation), children after their parent.
    expect(links.map(text)).toEqual(codeTree(exportProject().codes.values()).map(({ code }) => code.name));
    expect(links.map(text).indexOf('Health')).toBe(links.map(text).indexOf('Barriers') + 2);
    const sections = all(html, 'section');
    expect(links.map((a) => a.attribs.href)).toEqual(sections.map((s) => `#${s.attribs.id}`));
    // Health is inside Data sharing's list item, which is inside Barriers'.
    const item = (name: string) => {
      let node = links.find((a) => text(a) === name)!.parent as Element;
      while (node.tagName !== 'li') node = node.parent as Element;
      return node;
    };
    const ancestorsOf = (node: Element) => {
      const names: string[] = [];
      for (let p = node.parent as Element | null; p; p = p.parent as Element | null) {
        if (p.tagName === 'li') names.push(text(DomUtils.getElementsByTagName('a', p, true)[0]!));
      }
      return names;
    };
    expect(ancestorsOf(item('Health'))).toEqual(['Data sharing', 'Barriers']);
    expect(ancestorsOf(item('Training gaps'))).toEqual([]);
    // Each entry shows its colour, count and description.
    const sharing = item('Data sharing');
    expect(text(sharing)).toContain('(2 excerpts)');
    expect(text(sharing)).toContain('Delays, "waiting" for records');
    expect((sharing.children.find((c) => (c as Element).name === 'span') as Element).attribs.style).toBe('background:#222222');
  });

  it('lists each code’s excerpts grouped by document, with position, coder and memo', () => {
    const sharing = all(html, 'section').find((s) => text(DomUtils.getElementsByTagName('h2', s, true)[0]!) === 'Barriers > Data sharing')!;
    expect(DomUtils.getElementsByTagName('h3', sharing, true).map(text)).toEqual(['Council 😀', 'Interview, police']);
    const figures = DomUtils.getElementsByTagName('figure', sharing, true);
    expect(figures.map((f) => text(DomUtils.getElementsByTagName('blockquote', f, true)[0]!))).toEqual(['slow', POLICE.slice(23)]);
    expect(text(DomUtils.getElementsByTagName('figcaption', figures[0]!, true)[0]!)).toBe('characters 23–27 (UTF-16 units) · Amira Haddad');
    expect(text(DomUtils.getElementsByTagName('figcaption', figures[1]!, true)[0]!)).toBe(`characters 23–${POLICE.length} (UTF-16 units) · Ben O'Neil`);
    expect(text(figures[1]!)).toContain('Memo: Note: first, "second"');
    expect(text(sharing)).toContain('2 excerpts in 2 documents');
    // The header explains the unit the captions name.
    const meta = all(html, 'p').find((p) => p.attribs.class === 'meta')!;
    expect(text(meta)).toContain('UTF-16 code units, counted from 0 with the end exclusive');
    const training = all(html, 'section').find((s) => text(DomUtils.getElementsByTagName('h2', s, true)[0]!) === 'Training gaps')!;
    expect(text(training)).toContain('Memo: Scope: Only formal *courses*');
  });

  it('says so when there are no codes', () => {
    const file = exportProjectFile();
    const empty = htmlReport(stateFromFile({ ...file, codes: [], codings: [], memos: [] }));
    expect(empty).toContain('The project has no codes.');
    expect(all(empty, 'section')).toHaveLength(0);
  });
});
