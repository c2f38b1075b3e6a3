/**
 * A synthetic but plausible Gloss project for the benchmark: interview-like documents of
 * sentences and paragraphs, a two-level codebook, and codings by two coders whose spans
 * start and end on word boundaries and carry the quote and context Gloss would store.
 *
 * It is built directly as a ProjectFile (not through 100,000 applyCode operations) so
 * that generating 10 million characters takes a second or two, not minutes.
 */
import { createHash } from 'node:crypto';
import { CURRENT_VERSION, FORMAT, type Code, type Coder, type Coding, type GlossDocument, type Memo, type ProjectFile } from '../../shared/model/schema';
import { CODE_COLORS } from '../../shared/model/colors';
import { quoteAt } from '../../shared/text/quote';
import { seededRandom, type Random } from './random';

export interface SyntheticOptions {
  documents: number;
  /** Total characters (UTF-16 code units) over all document texts. */
  characters: number;
  codings: number;
  codes: number;
  /** Memos on codings, so the export's memo column has something to join. */
  memos: number;
  seed: number;
}

/** The size the issue asks the bench to measure. */
export const FULL_SIZE: SyntheticOptions = {
  documents: 1_000,
  characters: 10_000_000,
  codings: 100_000,
  codes: 200,
  memos: 1_000,
  seed: 20_260_101,
};

/**
 * Everyday interview vocabulary. A few words carry accents, typographic apostrophes and
 * dashes (as transcripts pasted from a word processor do), and sentences get a comma or a
 * double quote now and then, so the CSV export quotes and encodes as it would for real
 * data. The non-Latin-1 characters also make V8 store the texts as two-byte strings, as it
 * would for most real transcripts, which matters for parse and stringify speed.
 */
const WORDS = [
  'we', 'they', 'the', 'a', 'staff', 'team', 'manager', 'council', 'clinic', 'system', 'training', 'data', 'sharing',
  'never', 'always', 'sometimes', 'had', 'took', 'weeks', 'months', 'new', 'old', 'form', 'forms', 'record', 'records',
  'patient', 'patients', 'nurse', 'nurses', 'time', 'support', 'budget', 'rota', 'shift', 'shifts', 'meeting', 'email',
  'phone', 'paper', 'screen', 'login', 'password', 'access', 'permission', 'policy', 'guidance', 'handover', 'report',
  'really', 'just', 'quite', 'very', 'not', 'no', 'but', 'and', 'so', 'because', 'when', 'then', 'after', 'before',
  'with', 'without', 'for', 'from', 'about', 'into', 'our', 'their', 'my', 'your', 'it', 'was', 'is', 'were', 'felt',
  'said', 'asked', 'waited', 'learned', 'struggled', 'managed', 'changed', 'missed', 'shared', 'kept', 'lost', 'found',
  'difficult', 'easy', 'slow', 'quick', 'unclear', 'helpful', 'frustrating', 'safe', 'risky', 'late', 'early',
  'café', 'naïve', 'résumé', 'Zürich', 'São', 'coördinator', 'façade', 'didn’t', 'couldn’t', 'wasn’t', '—',
];
const SPEAKERS = ['Interviewer', 'Participant'];
const THEMES = [
  'Training gaps', 'Data sharing', 'Workload', 'Leadership', 'Communication', 'Technology', 'Patient safety',
  'Funding', 'Recruitment', 'Wellbeing', 'Policy', 'Partnerships', 'Equity', 'Documentation', 'Handover',
  'Scheduling', 'Access', 'Trust', 'Change', 'Outcomes',
];
const ASPECTS = ['barriers', 'facilitators', 'examples', 'consequences', 'workarounds', 'history', 'feelings', 'suggestions', 'contradictions'];

function sentence(random: Random): string {
  const words: string[] = [];
  const count = random.int(6, 20);
  for (let i = 0; i < count; i++) words.push(random.pick(WORDS));
  const r = random.next();
  if (r < 0.08) words[count >> 1] = `"${words[count >> 1]}"`;
  else if (r < 0.3) words[count >> 1] += ',';
  const first = words[0]!;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ') + (random.next() < 0.12 ? '?' : '.');
}

/** A text of exactly `length` characters: speaker turns of a few sentences, one per line. */
function documentText(random: Random, length: number): string {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    const sentences = [`${random.pick(SPEAKERS)}:`];
    const count = random.int(2, 6);
    for (let i = 0; i < count; i++) sentences.push(sentence(random));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    total += paragraph.length + 1;
  }
  return paragraphs.join('\n').slice(0, length);
}

/** Lengths around the mean (half to one and a half times it) that add up to `total` exactly. */
function documentLengths(random: Random, count: number, total: number): number[] {
  const weights = Array.from({ length: count }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const lengths = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  lengths[count - 1]! += total - lengths.reduce((a, b) => a + b, 0);
  return lengths;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n';

/**
 * A span of `text` that starts at a word start and ends at a word end, the way a
 * researcher selects: mostly a phrase or a sentence, now and then a whole passage.
 */
export function wordSpan(random: Random, text: string): { start: number; end: number } {
  const wanted = 20 + Math.floor(random.next() ** 2 * 580);
  const length = Math.min(wanted, text.length);
  let start = random.int(0, text.length - length);
  let end = start + length;
  if (start > 0 && !isSpace(text[start - 1])) {
    const next = text.indexOf(' ', start);
    if (next >= 0 && next + 1 < end) start = next + 1;
  }
  if (end < text.length && !isSpace(text[end])) {
    const previous = text.lastIndexOf(' ', end);
    if (previous > start) end = previous;
  }
  return { start, end };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** ISO time `minutes` after the start of 2025, so every timestamp is reproducible. */
const timeAt = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();

function buildCodes(random: Random, count: number): Code[] {
  // Ten codes per theme (the theme and nine aspects) gives the 20 × 10 = 200 of the issue.
  const themeCount = Math.min(THEMES.length * 4, Math.max(1, Math.ceil(count / 10)));
  const codes: Code[] = [];
  const themes: Code[] = [];
  for (let i = 0; i < themeCount && codes.length < count; i++) {
    const base = THEMES[i % THEMES.length]!;
    const theme: Code = {
      id: random.uuid(),
      name: i < THEMES.length ? base : `${base} ${Math.floor(i / THEMES.length) + 1}`,
      color: CODE_COLORS[i % CODE_COLORS.length]!,
      description: `Anything the participant says about ${base.toLowerCase()}.`,
      parentId: null,
      codable: true,
      createdAt: timeAt(i),
    };
    themes.push(theme);
    codes.push(theme);
  }
  for (let i = 0; codes.length < count; i++) {
    const parent = themes[i % themes.length]!;
    const round = Math.floor(i / themes.length);
    const aspect = ASPECTS[round % ASPECTS.length]!;
    codes.push({
      id: random.uuid(),
      name: round < ASPECTS.length ? aspect : `${aspect} ${Math.floor(round / ASPECTS.length) + 1}`,
      color: parent.color,
      description: '',
      parentId: parent.id,
      codable: true,
      createdAt: timeAt(themeCount + i),
    });
  }
  return codes;
}

function buildDocuments(random: Random, options: SyntheticOptions): GlossDocument[] {
  const lengths = documentLengths(random, options.documents, options.characters);
  return lengths.map((length, i) => {
    const text = documentText(random, length);
    const fileName = `interview-${String(i + 1).padStart(4, '0')}.txt`;
    const bytes = Buffer.from(text, 'utf8');
    return {
      id: random.uuid(),
      name: `Interview ${String(i + 1).padStart(4, '0')}`,
      text,
      createdAt: timeAt(10_000 + i),
      source: { fileName, type: 'text/plain', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
      attributes: {},
      structure: [],
    };
  });
}

/** A validated-shape project file of the given size; the same options give the same file. */
export function syntheticProject(options: SyntheticOptions): ProjectFile {
  const random = seededRandom(options.seed);
  const coders: Coder[] = [
    { id: random.uuid(), name: 'Ana', color: '#1f77b4' },
    { id: random.uuid(), name: 'Ben', color: '#d62728' },
  ];
  const codes = buildCodes(random, options.codes);
  const documents = buildDocuments(random, options);
  const codings: Coding[] = [];
  for (let i = 0; i < options.codings; i++) {
    const doc = random.pick(documents);
    const { start, end } = wordSpan(random, doc.text);
    codings.push({
      id: random.uuid(),
      documentId: doc.id,
      codeId: random.pick(codes).id,
      coderId: random.pick(coders).id,
      start,
      end,
      ...quoteAt(doc.text, start, end),
      createdAt: timeAt(20_000 + i),
      needsReview: false,
    });
  }
  const memos: Memo[] = [];
  for (let i = 0; i < options.memos && codings.length > 0; i++) {
    const coding = random.pick(codings);
    memos.push({
      id: random.uuid(),
      target: { kind: 'coding', id: coding.id },
      title: `Note ${i + 1}`,
      text: `${sentence(random)} ${sentence(random)}`,
      coderId: coding.coderId,
      createdAt: coding.createdAt,
      modifiedAt: coding.createdAt,
    });
  }
  // Sorted by id as fileFromState writes them, so the file on disk is byte-for-byte what
  // the service itself would save, and the save benchmark rewrites the same bytes.
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    project: {
      name: 'Bench project',
      description: `Synthetic project for npm run bench (seed ${options.seed}).`,
      createdAt: timeAt(0),
      modifiedAt: timeAt(0),
    },
    coders: coders.sort(byId),
    documents: documents.sort(byId),
    codes: codes.sort(byId),
    codings: codings.sort(byId),
    memos: memos.sort(byId),
    cases: [],
    variables: [],
    sets: [],
    summaries: [],
  };
}
