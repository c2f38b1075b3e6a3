/**
 * The incoming codebook as a zod schema: the payload of the `importCodebook` operation,
 * checked by the host like every other request. Parsers run their output through it too,
 * so a codebook the preview accepted is one the operation accepts.
 */
import { z } from 'zod';
import type { IncomingCode, IncomingCodebook } from './types';

/** Longest code or set name the operation accepts; the same bound as the other operations' names. */
export const MAX_NAME_LENGTH = 500;

const name = z.string().trim().min(1, 'a name cannot be empty').max(MAX_NAME_LENGTH);
const guid = z.string().min(1).nullable();

export const incomingCodeSchema: z.ZodType<IncomingCode> = z.lazy(() =>
  z.object({
    guid,
    name,
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/, 'a colour like #1f77b4')
      .nullable(),
    description: z.string(),
    codable: z.boolean(),
    children: z.array(incomingCodeSchema),
  }),
);

export const incomingCodebookSchema: z.ZodType<IncomingCodebook> = z.object({
  fileName: z.string(),
  origin: z.string().nullable(),
  codes: z.array(incomingCodeSchema).min(1, 'a codebook needs at least one code'),
  sets: z.array(
    z.object({
      guid,
      name,
      description: z.string(),
      memberGuids: z.array(z.string()),
    }),
  ),
  warnings: z.array(z.string()),
});
