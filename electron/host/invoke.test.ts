import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../shared/import/limits';
import { MAX_BODY_BYTES } from './invoke';

describe('the browser host’s body limit', () => {
  it('carries the largest document Gloss imports, base64-encoded, in one request', () => {
    const base64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
    const json = JSON.stringify({ arg: [{ name: 'x'.repeat(1000), base64: '' }] }).length;
    expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual(base64 + json);
  });

  it('stays under the longest string Node can make, since the body is parsed as one', () => {
    expect(MAX_BODY_BYTES).toBeLessThan(constants.MAX_STRING_LENGTH);
  });
});
