/**
 * Windows-1252 decoding, done by hand because Node's TextDecoder (since 20.18.3 / 22.13.0)
 * decodes "windows-1252" as Latin-1 and turns 0x80–0x9F into control characters instead
 * of € ‚ “ ” – — and the rest (nodejs/node#60888, #56542). Browsers decode it correctly,
 * but the CLI and the browser host import in Node.
 */

/**
 * Code points of bytes 0x80–0x9F (the WHATWG Encoding Standard's index-windows-1252).
 * The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1
 * control of the same value, as the standard says. Every other byte is its own code point.
 */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** String.fromCharCode takes its arguments on the stack; 8 K per call stays well inside it. */
const CHUNK = 8192;

/** Decodes Windows-1252 bytes (every byte value is defined, so this cannot fail). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array(Math.min(bytes.length, CHUNK));
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    for (let i = offset; i < end; i++) {
      const b = bytes[i]!;
      codes[i - offset] = b >= 0x80 && b <= 0x9f ? HIGH_CONTROLS[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - offset)));
  }
  return parts.join('');
}
