import { describe, expect, it } from 'vitest';
import { refusal } from './fixtures/inspect';
import { makeOdt } from './fixtures/make-documents';
import { MAX_XML_DEPTH } from './limits';
import { nestingDepth, parseXml, textOf } from './xml';

const nested = (depth: number, inner = 'x') => '<a>'.repeat(depth) + inner + '</a>'.repeat(depth);

describe('XML parts', () => {
  it('says a part nested 20,000 deep is nested too deeply, not that it is malformed', () => {
    expect(parseXml(nested(20_000), 'content.xml')).toEqual({
      ok: false,
      error: `its content.xml is nested too deeply (20,000 levels; Gloss reads up to ${MAX_XML_DEPTH})`,
    });
  });

  it('reads a part nested as deep as the limit, past the parser’s own default of 100', () => {
    const read = parseXml(nested(MAX_XML_DEPTH, 'deep text'), 'content.xml');
    expect(read.ok && textOf(read.value)).toBe('deep text');
    expect(parseXml(nested(MAX_XML_DEPTH + 1), 'content.xml')).toEqual({
      ok: false,
      error: `its content.xml is nested too deeply (${MAX_XML_DEPTH + 1} levels; Gloss reads up to ${MAX_XML_DEPTH})`,
    });
  });

  it('still calls a broken part not well-formed, however deep', () => {
    const read = parseXml(`${nested(500)}<b>`, 'content.xml');
    expect(!read.ok && read.error).toMatch(/^its content.xml is not well-formed XML \(line 1, column \d+: /);
  });

  it('counts only elements: not empty elements, comments, CDATA, processing instructions or markup inside quotes', () => {
    expect(nestingDepth('<?xml version="1.0"?><a><b/><c x="<d>" y=\'>\'><!-- <e><e> --><![CDATA[<f><f>]]><?pi <g>?></c></a>')).toBe(2);
    expect(nestingDepth('<a><b><c/></b><b></b></a>')).toBe(2);
    expect(nestingDepth('no markup')).toBe(0);
  });

  it('refuses an ODT whose content is nested too deeply, naming the part', async () => {
    const body = `<text:p>${'<text:span>'.repeat(20_000)}deep${'</text:span>'.repeat(20_000)}</text:p>`;
    expect(await refusal(makeOdt(body), 'deep.odt')).toMatch(/^its content.xml is nested too deeply \(20,00\d levels; Gloss reads up to 256\)$/);
  });

  it('says where a part without any element went wrong, never “column undefined” (found by the fuzzer)', () => {
    expect(parseXml('<?xml version="1.0"?>\n', 'content.xml')).toEqual({
      ok: false,
      error: 'its content.xml is not well-formed XML (line 1: no element starts where one should)',
    });
  });
});
