/**
 * The 'analysis:run' channel: the analysis views ask the host for their figures, and for
 * the codings behind any one number. The host holds the documents' texts (the renderer
 * holds only their index), which matrices' percentages, co-occurrence by paragraph and
 * retrieval read; and a computation over 100,000 codings never runs in the window.
 * Replies name codings and documents by id: the renderer has both in its store.
 */
import { z } from 'zod';
import { variableValueSchema } from '../model/schema';
import type { FrequencyRow } from '../analysis/frequencies';
import type { Cooccurrence, CooccurrenceCode } from '../analysis/cooccurrence';
import type { CodeMatrix } from '../analysis/matrix';
import type { FrameworkMatrix } from '../analysis/framework';
import type { CodeQuery } from '../analysis/retrieval';
import type { AnalysisFilter } from '../analysis/scope';

const id = z.string().min(1).max(200);
const ids = z.array(id).max(100_000);

export const analysisFilterSchema: z.ZodType<AnalysisFilter> = z.object({
  documentIds: ids.optional(),
  documentSetIds: ids.optional(),
  caseIds: ids.optional(),
  values: z.array(z.object({ variableId: id, values: z.array(variableValueSchema).max(10_000) })).max(100).optional(),
  coderIds: ids.optional(),
  codeSetIds: ids.optional(),
  codeIds: ids.optional(),
});

const codeQuerySchema: z.ZodType<CodeQuery> = z.lazy(() =>
  z.union([
    z.object({ code: id, withSubcodes: z.boolean().optional() }),
    z.object({ and: z.array(codeQuerySchema).max(100) }),
    z.object({ or: z.array(codeQuerySchema).max(100) }),
    z.object({ not: codeQuerySchema }),
  ]),
);

const within = z.enum(['overlap', 'paragraph']);
const columns = z.union([z.object({ kind: z.literal('documents') }), z.object({ kind: z.literal('cases') }), z.object({ kind: z.literal('variable'), variableId: id })]);

export const analysisRequestSchema = z.union([
  z.object({ view: z.literal('frequencies'), filter: analysisFilterSchema }),
  z.object({ view: z.literal('cooccurrence'), within, filter: analysisFilterSchema }),
  z.object({ view: z.literal('matrix'), columns, withSubcodes: z.boolean(), filter: analysisFilterSchema }),
  z.object({ view: z.literal('framework'), rows: z.enum(['cases', 'documents']), codeIds: ids.optional(), withSubcodes: z.boolean(), filter: analysisFilterSchema }),
  z.object({ view: z.literal('retrieve'), query: codeQuerySchema, filter: analysisFilterSchema }),
  /** The codings behind one number: a code's (with its sub-codes'), in some documents (all counted when absent). */
  z.object({ view: z.literal('codings'), codeId: id, withSubcodes: z.boolean(), documentIds: ids.optional(), filter: analysisFilterSchema }),
  /** The pairs of codings behind a co-occurrence cell. */
  z.object({ view: z.literal('pairs'), codeA: id, codeB: id, within, filter: analysisFilterSchema }),
  /** A view's tables as an Excel workbook (exceljs needs Node, so the host writes it). */
  z.object({
    view: z.literal('xlsx'),
    sheets: z
      .array(
        z.object({
          name: z.string().min(1).max(31),
          header: z.array(z.string()).max(20_000),
          rows: z.array(z.array(z.union([z.string(), z.number()])).max(20_000)).max(1_000_000),
          /** A line above the header: what the table counts under the view's filter. */
          caption: z.string().max(10_000).optional(),
        }),
      )
      .min(1)
      .max(20),
  }),
]);
export type AnalysisRequest = z.infer<typeof analysisRequestSchema>;

/**
 * A request as the channel takes it: with the id of its task, under which its progress is
 * reported and by which 'task:cancel' stops it (the renderer cancels a request a newer
 * one has replaced).
 */
export const analysisRunSchema = z.intersection(analysisRequestSchema, z.object({ taskId: id.optional() }));
export type AnalysisRun = AnalysisRequest & { taskId?: string };

/** The request without its task id. */
export function withoutTaskId(run: AnalysisRun): AnalysisRequest {
  const { taskId: _id, ...request } = run;
  return request as AnalysisRequest;
}

/** A passage AND/OR/NOT retrieval found, by document id. */
export interface RetrievedSpan {
  documentId: string;
  start: number;
  end: number;
  text: string;
  codingIds: string[];
}

export type AnalysisReply =
  | { view: 'frequencies'; rows: FrequencyRow[] }
  | { view: 'cooccurrence'; result: PackedCooccurrence }
  | { view: 'matrix'; matrix: CodeMatrix }
  | { view: 'framework'; matrix: FrameworkMatrix }
  | { view: 'retrieve'; passages: RetrievedSpan[] }
  | { view: 'codings'; codingIds: string[] }
  | { view: 'pairs'; pairs: { documentId: string; a: string; b: string }[] }
  /** The workbook's bytes, base64. */
  | { view: 'xlsx'; base64: string };

/**
 * Co-occurrence as sent: each pair as [code A's index in codes, code B's, count,
 * c-coefficient], not with both codes' rows repeated (200 codes make 20,000 pairs).
 */
export interface PackedCooccurrence {
  codes: CooccurrenceCode[];
  pairs: [number, number, number, number | null][];
}

/** Co-occurrence packed for sending. */
export function packCooccurrence(result: Cooccurrence): PackedCooccurrence {
  const at = new Map(result.codes.map((c, i) => [c.codeId, i]));
  return { codes: result.codes, pairs: result.pairs.map((p) => [at.get(p.codeA.codeId)!, at.get(p.codeB.codeId)!, p.count, p.cCoefficient]) };
}

/** Co-occurrence as computed, from what was sent. */
export function unpackCooccurrence(packed: PackedCooccurrence): Cooccurrence {
  return { codes: packed.codes, pairs: packed.pairs.map(([a, b, count, cCoefficient]) => ({ codeA: packed.codes[a]!, codeB: packed.codes[b]!, count, cCoefficient })) };
}

/** The reply a request gets. */
export type AnalysisReplyOf<R extends AnalysisRequest> = Extract<AnalysisReply, { view: R['view'] }>;
