/**
 * REFI-QDA GUIDs for Gloss ids. Ids Gloss made itself are UUIDs and are written as they
 * are stored, so a code keeps one GUID across exports and an importer can match it again.
 * Any other id (hand-written fixtures, older files, ids from another tool) gets a
 * name-based UUID version 5 (RFC 9562 §5.5): SHA-1 of a fixed Gloss namespace plus the id,
 * so the same id always exports to the same GUID and no random state is needed here.
 */

import { sha1 } from '@noble/hashes/legacy.js';

/** The GUID pattern of both REFI-QDA schemas, without the optional braces. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Namespace of Gloss's derived GUIDs (itself a random UUID, fixed forever: changing it changes every derived GUID). */
export const GLOSS_GUID_NAMESPACE = '6f1c2a4e-93b5-4d0e-8c7a-2e5b9d41f3a8';

export function isGuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * The GUID to write for entity `id` of `table`. The table is part of the hashed name so
 * that a code and a set with the same non-UUID id still get different GUIDs.
 */
export function refiGuid(table: string, id: string): string {
  return isGuid(id) ? id : uuidV5(GLOSS_GUID_NAMESPACE, `${table}/${id}`);
}

/** Name-based UUID (version 5) of `name` in `namespace`, lowercase. */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespace.replace(/-/g, '');
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = parseInt(ns.slice(2 * i, 2 * i + 2), 16);
  input.set(nameBytes, 16);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC variant
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
