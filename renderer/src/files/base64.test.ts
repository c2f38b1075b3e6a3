import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, readImportFile } from './base64';

describe('base64', () => {
  it('round-trips every byte value, past one chunk of String.fromCharCode', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 3).map((_, i) => i % 256);
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(base64)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads a picked file as the contract sends it', async () => {
    const file = new File(['Grüße'], 'notes.txt');
    expect(await readImportFile(file)).toEqual({ name: 'notes.txt', base64: Buffer.from('Grüße').toString('base64') });
  });
});
