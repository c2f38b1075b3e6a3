/**
 * Reading the colour and GUID values of a codebook leniently: what other tools write is
 * turned into the one form Gloss stores, and the caller is told when that took more than
 * a change of letter case, so it can list a warning.
 */
import { isGuid } from '../refi/guid';

export type ColorReading =
  | { kind: 'ok'; color: string }
  /** A #RGB shorthand, written out as #rrggbb. */
  | { kind: 'expanded'; color: string }
  | { kind: 'invalid' };

/** `raw` as #rrggbb (lower case); #RGB is expanded, anything else (rgb(), alpha, names) is invalid. */
export function readColor(raw: string): ColorReading {
  const value = raw.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return { kind: 'ok', color: value.toLowerCase() };
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(value);
  if (short) return { kind: 'expanded', color: `#${short.slice(1).map((d) => d + d).join('')}`.toLowerCase() };
  return { kind: 'invalid' };
}

export type GuidReading =
  | { kind: 'ok'; guid: string }
  /** Written in braces ({…}), as the REFI-QDA spec's own example does; read without them. */
  | { kind: 'braced'; guid: string }
  | { kind: 'invalid' };

/**
 * `raw` as a lower-case GUID without braces. Case is not worth a warning: the schema allows
 * either, and ATLAS.ti, MAXQDA and Taguette all write upper case.
 */
export function readGuid(raw: string): GuidReading {
  let value = raw.trim();
  const braced = value.startsWith('{') && value.endsWith('}');
  if (braced) value = value.slice(1, -1).trim();
  if (!isGuid(value)) return { kind: 'invalid' };
  return { kind: braced ? 'braced' : 'ok', guid: value.toLowerCase() };
}
