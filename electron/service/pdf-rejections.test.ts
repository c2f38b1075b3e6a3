import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPdfJsException } from './pdf-rejections';

const MODULE = fileURLToPath(new URL('./pdf-rejections.ts', import.meta.url));

/** Runs a Node process that installs the guard, then leaves `reason` unhandled. */
function leaveUnhandled(reason: string): Promise<{ code: number; stderr: string }> {
  const script = `import { tolerateStrayPdfRejections } from ${JSON.stringify(MODULE)};
tolerateStrayPdfRejections();
class ParserEOFException extends Error { name = 'ParserEOFException'; }
Promise.reject(${reason});
setTimeout(() => console.log('still running'), 200);`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stderr: stdout + stderr });
    });
  });
}

describe('stray pdf.js rejections', () => {
  it('knows pdf.js exceptions by name, and nothing else', () => {
    const eof = Object.assign(new Error('End of file inside dictionary.'), { name: 'ParserEOFException' });
    expect(isPdfJsException(eof)).toBe(true);
    expect(isPdfJsException(new TypeError('x'))).toBe(false);
    expect(isPdfJsException('ParserEOFException')).toBe(false);
  });

  it('lets a stray pdf.js rejection go with a line on stderr, and still ends the process on any other', async () => {
    const pdf = await leaveUnhandled("new ParserEOFException('End of file inside dictionary.')");
    expect(pdf.code).toBe(0);
    expect(pdf.stderr).toContain('still running');
    expect(pdf.stderr).toContain('pdf.js left an error unhandled while reading a damaged PDF (End of file inside dictionary.)');
    const other = await leaveUnhandled("new Error('a real bug')");
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('a real bug');
    expect(other.stderr).not.toContain('still running');
  }, 60_000);
});
