import { describe, expect, it } from 'vitest';
import { imported, rangesOf, refusal, fixture } from './fixtures/inspect';


describe('SRT import', () => {
  it('keeps timestamps and speakers as text, joins a speaker’s consecutive cues, drops numbers and tags', async () => {
    const doc = await imported(fixture('interview.srt'), 'interview.srt');
    expect(doc.type).toBe('application/x-subrip');
    expect(doc.text).toBe(
      [
        '[00:00:01] ANNA: We never had any training. Not once.',
        '[00:01:02] BEN: Data sharing took weeks.',
        '[00:01:02] And the forms?',
        '[01:02:03] Note: this is not a speaker.',
      ].join('\n\n'),
    );
  });

  it('records timestamp and speaker ranges, a speaker’s range covering the turn', async () => {
    const doc = await imported(fixture('interview.srt'), 'interview.srt');
    expect(rangesOf(doc, 'timestamp')).toEqual([
      { kind: 'timestamp', text: '[00:00:01]', label: '00:00:01.000' },
      { kind: 'timestamp', text: '[00:01:02]', label: '00:01:02.250' },
      { kind: 'timestamp', text: '[00:01:02]', label: '00:01:02.250' },
      { kind: 'timestamp', text: '[01:02:03]', label: '01:02:03.000' },
    ]);
    expect(rangesOf(doc, 'speaker')).toEqual([
      { kind: 'speaker', text: 'ANNA: We never had any training. Not once.', label: 'ANNA' },
      { kind: 'speaker', text: 'BEN: Data sharing took weeks.', label: 'BEN' },
    ]);
  });

  it('takes a title-case label for a speaker only when it recurs', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nAnna: Hi.\n\n2\n00:00:03,000 --> 00:00:04,000\nBen: Hello.\n\n3\n00:00:05,000 --> 00:00:06,000\nAnna: Bye.\n';
    const doc = await imported(new TextEncoder().encode(srt), 'chat.srt');
    expect(rangesOf(doc, 'speaker').map((r) => r.label)).toEqual(['Anna', 'Anna']);
    expect(doc.text).toBe('[00:00:01] Anna: Hi.\n\n[00:00:03] Ben: Hello.\n\n[00:00:05] Anna: Bye.');
  });

  it('refuses a file with no cues', async () => {
    expect(await refusal(new TextEncoder().encode('just some text\n'), 'notes.srt')).toBe(
      'it holds no subtitle cues (no “00:00:01,000 --> …” timing lines)',
    );
  });
});

describe('VTT import', () => {
  it('takes speakers from voices and drops the header, NOTE and STYLE blocks, cue ids and class tags', async () => {
    const doc = await imported(fixture('interview.vtt'), 'interview.vtt');
    expect(doc.type).toBe('text/vtt');
    expect(doc.text).toBe(
      [
        '[00:00:00] Anna Smith: Hello there. How are you?',
        '[00:00:04] Ben: Fine & you?',
        '[00:00:04] Anna Smith: Good.',
        '[01:00:00] No speaker here.',
      ].join('\n\n'),
    );
    expect(rangesOf(doc, 'speaker').map((r) => `${r.label}|${r.text}`)).toEqual([
      'Anna Smith|Anna Smith: Hello there. How are you?',
      'Ben|Ben: Fine & you?',
      'Anna Smith|Anna Smith: Good.',
    ]);
    expect(rangesOf(doc, 'paragraph')).toHaveLength(4);
  });
});

describe('subtitle cues that cannot be read as they should', () => {
  const vtt = (body: string) => new TextEncoder().encode(`WEBVTT\n\n${body}`);

  it('keeps the text of a cue with an absurd timestamp, without a timestamp, and says so with its line', async () => {
    const doc = await imported(
      vtt('00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:99999.000 --> 00:00:03.000\nThe lost line.\n\n00:00:04.000 --> 00:00:05.000\nGoodbye.\n'),
      'talk.vtt',
    );
    expect(doc.text).toBe('[00:00:01] Hello.\n\nThe lost line.\n\n[00:00:04] Goodbye.');
    expect(rangesOf(doc, 'timestamp').map((r) => r.label)).toEqual(['00:00:01.000', '00:00:04.000']);
    expect(doc.notes).toEqual(['the cue at line 6 has a timing Gloss cannot read (“00:00:99999.000 --> 00:00:03.000”); its text was kept without a timestamp']);
  });

  it('takes minutes or seconds past 59 and hours past 99 for unreadable too, and lists several cues in one note', async () => {
    const doc = await imported(
      vtt('00:75:00.000 --> 00:76:00.000\nOne.\n\n00:00:61.000 --> 00:00:62.000\nTwo.\n\n99999999999999999999:00:01.000 --> 99999999999999999999:00:02.000\nThree.\n\n00:00:05.000 --> 00:00:06.000\nFour.\n'),
      'talk.vtt',
    );
    expect(doc.text).toBe('One.\n\nTwo.\n\nThree.\n\n[00:00:05] Four.');
    expect(doc.notes).toEqual([
      '3 cues have a timing Gloss cannot read (lines 3, 6 and 9, the first “00:75:00.000 --> 00:76:00.000”); their text was kept without a timestamp',
    ]);
  });

  it('reads a cue that follows the previous one without a blank line, never taking its timing line for text', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nFirst.\n2\n00:00:03,000 --> 00:00:04,000\nSecond.\n';
    const doc = await imported(new TextEncoder().encode(srt), 'run-on.srt');
    expect(doc.text).toBe('[00:00:01] First.\n\n[00:00:03] Second.');
    expect(doc.notes).toEqual([]);
  });

  it('lists text before the first cue, which has no time to go with, and NOTE comments', async () => {
    const doc = await imported(vtt('Recorded by Ana\n\nNOTE names changed\n\n00:00:01.000 --> 00:00:02.000\nHello.\n'), 'talk.vtt');
    expect(doc.text).toBe('[00:00:01] Hello.');
    expect(doc.notes).toEqual([
      'the text before its first cue (line 3: “Recorded by Ana”) has no timing and was left out',
      'its NOTE comment (line 5) was left out, as players leave it out',
    ]);
  });
});
