/** Turning caught errors into messages for the message area. */

/** The message of a caught value, whatever was thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A host error as the user sees it: always naming the file, even when the host's message does not. */
export function fileError(fileName: string, e: unknown): string {
  const message = messageOf(e);
  return message.includes(fileName) ? message : `${fileName}: ${message}`;
}

/** The message, saying that nothing was changed (or imported) unless it already says so. */
export function nothingWas(message: string, what: 'changed' | 'imported'): string {
  return new RegExp(`nothing (was|has been) ${what}`, 'i').test(message) ? message : `${message} Nothing was ${what}.`;
}
