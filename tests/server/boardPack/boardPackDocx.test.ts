import { describe, expect, it } from 'vitest';
import { boardPackDocx } from '../../../server/boardPack/boardPackDocx.ts';
import { buildBoardPack } from '../../fixtures/boardPack.ts';
import { paragraphsOf, wordParts } from './docxText.ts';

const sectionHeadings = [
  'Agenda',
  'Attendees',
  'Minutes of the last meeting',
  'Actions log',
  'What changed since the last meeting',
  'Current priorities and decisions',
  'Indicators by exception',
  'Data development agenda',
  'Theory of change gaps',
];

describe('boardPackDocx', () => {
  it('has every section under a Heading 1, in the order of the pack', async () => {
    const { document } = await wordParts(await boardPackDocx(buildBoardPack()));
    const headings = paragraphsOf(document)
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(headings).toEqual(sectionHeadings);
  });

  it('opens with a cover naming the partnership, the meeting, its date and time in words, and the place', async () => {
    const texts = paragraphsOf((await wordParts(await boardPackDocx(buildBoardPack()))).document).map((p) => p.text);
    const cover = texts.slice(0, texts.indexOf('Agenda'));
    expect(cover).toContain('Millbrook Family Hubs Partnership');
    expect(cover).toContain('March board meeting');
    expect(cover).toContain('Date and time: Thursday 11 March 2027, 10:00');
    expect(cover).toContain('Place: Millbrook Family Hub, Station Road');
  });

  it('numbers the agenda and says why a decision is back for review', async () => {
    const { document } = await wordParts(await boardPackDocx(buildBoardPack()));
    const texts = paragraphsOf(document).map((p) => p.text);
    expect(texts).toContain('Decision for review: Spring priorities');
    expect(texts).toContain(
      'Back for review: Children achieving a good level of development at 5 is now worse than England (was similar), 2023/24, since the decision was taken',
    );
    expect(document).toContain('<w:numPr>');
  });

  it('groups attendees by organisation', async () => {
    const texts = paragraphsOf((await wordParts(await boardPackDocx(buildBoardPack()))).document).map((p) => p.text);
    expect(texts).toContain('Millbrook Council: Asha Patel, Tom Reid');
    expect(texts).toContain('Home-Start Millbrook: Lee Chambers');
  });

  it('marks a change that needs attention in words, first in its domain', async () => {
    const texts = paragraphsOf((await wordParts(await boardPackDocx(buildBoardPack()))).document).map((p) => p.text);
    const evidence = texts.indexOf('Evidence: comparisons and trends');
    expect(evidence).toBeGreaterThan(-1);
    expect(texts[evidence + 1]).toBe(
      'Needs attention: Good level of development at age 5: Worse than England (was similar), 2023/24',
    );
    expect(texts[evidence + 2]).toBe('Breastfeeding at 6 to 8 weeks: Getting better over the last 5 periods');
  });

  it('writes a suppressed value as "suppressed (<5)" and never the number behind it', async () => {
    // Even if a builder let the small count through, the flag wins.
    const leaky = buildBoardPack();
    leaky.exceptions[1]!.series[2] = { period: '2023/24', area: 4, suppressed: true, england: null, region: null };
    const texts = paragraphsOf((await wordParts(await boardPackDocx(leaky))).document).map((p) => p.text);
    expect(texts).toContain('suppressed (<5)');
    expect(texts).not.toContain('4');
    expect(texts).toContain('63.4%');
  });

  it('repeats table header rows, keeps rows whole, and has a running header and "Page X of Y"', async () => {
    const { document, headers, footers } = await wordParts(await boardPackDocx(buildBoardPack()));
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    expect(headers.join('')).toContain('March board meeting');
    const footer = footers.join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(paragraphsOf(footer).map((p) => p.text)).toContain('Page  of ');
  });

  it('prints the summary of changes, the data agenda, the theory-of-change gaps and decision review dates', async () => {
    const texts = paragraphsOf((await wordParts(await boardPackDocx(buildBoardPack()))).document).map((p) => p.text);
    expect(texts).toContain(
      'Since the January board, one indicator turned worse than England, one outcome was reworded and the school readiness metric now has data.',
    );
    expect(texts).toContain('Ask the ICB for the third team’s monthly return');
    expect(texts).toContain('No commissioned action works towards this outcome');
    expect(texts).toContain('Review by: 31 May 2027');
    expect(texts).toContain('=Confirm health visitor caseload figures with the ICB');
  });

  it('says so when there is nothing to compare with and no earlier meeting', async () => {
    const pack = buildBoardPack({ changes: null, previousMeeting: null, exceptions: [] });
    const texts = paragraphsOf((await wordParts(await boardPackDocx(pack))).document).map((p) => p.text);
    expect(texts).toContain('There is no earlier version of the partnership to compare with yet.');
    expect(texts).toContain('No indicator is worse than England or worsening.');
  });
});
