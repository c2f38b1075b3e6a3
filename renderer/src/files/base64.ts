/** Bytes to and from base64 without a data: URL round trip (the contract sends files as base64). */
import type { ImportFile } from '../../../shared/ipc/contract';

/** Characters per String.fromCharCode call: large enough to be fast, small enough for the argument limit. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A picked or dropped file as the contract sends it. */
export async function readImportFile(file: File): Promise<ImportFile> {
  return { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
