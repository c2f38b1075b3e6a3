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
