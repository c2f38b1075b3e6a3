/** Reading another copy of the project sent for merging, in the host or in a task worker. */
import type { ImportFile } from '../../shared/ipc/contract';
import type { ProjectFile } from '../../shared/model/schema';
import { parseProjectText } from '../../shared/model/parse';
import { HandlerError } from './handler-error';

/** A copy to merge: its bytes as read by the host, or as uploaded (base64). */
export type CopyFile = { name: string; bytes: Uint8Array } | ImportFile;

/** A copy sent for merging, validated (and migrated from an older version, as opening does). */
export function readCopy(file: CopyFile): ProjectFile {
  const bytes = 'bytes' in file ? file.bytes : Buffer.from(file.base64, 'base64');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const parsed = parseProjectText(text);
  if (!parsed.ok) throw new HandlerError(`${file.name} cannot be merged: ${parsed.error}. Nothing was changed.`);
  return parsed.value;
}

/** The bytes of a copy, for sending to a worker. */
export function copyBytes(file: CopyFile): { name: string; bytes: Uint8Array } {
  return 'bytes' in file ? { name: file.name, bytes: file.bytes } : { name: file.name, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) };
}
