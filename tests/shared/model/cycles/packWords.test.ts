import { describe, expect, it } from 'vitest';
import {
  agendaItemReason,
  calendarDate,
  meetingDateTime,
  reviewIsDue,
  seriesCell,
} from '../../../../shared/model/cycles/packWords.ts';
import { buildBoardPack } from '../../../fixtures/boardPack.ts';

describe('board pack words', () => {
  it('reads a meeting time in London time, summer or winter', () => {
    expect(meetingDateTime('2027-03-11T10:00:00.000Z')).toBe('Thursday 11 March 2027, 10:00');
    expect(meetingDateTime('2027-06-10T09:30:00.000Z')).toBe('Thursday 10 June 2027, 10:30');
  });

  it('writes a calendar date as the day it names', () => {
    expect(calendarDate('2027-05-31')).toBe('31 May 2027');
    expect(calendarDate(null)).toBe('');
  });

  it('lets suppression win over any number, and says when there is no data', () => {
    expect(seriesCell(4, 'count', true)).toBe('suppressed (<5)');
    expect(seriesCell(null, '%')).toBe('no data');
    expect(seriesCell(1234.56, 'per 1,000')).toBe('1,234.6 per 1,000');
  });

  it('says why a decision is back, falling back to its review date', () => {
    const [, review] = buildBoardPack().agenda;
    expect(agendaItemReason({ ...review!, reason: '' })).toBe('Back for review: its review date has passed');
    expect(agendaItemReason({ ...review!, kind: 'text' })).toBe('');
  });

  it('finds a review due on or before the meeting day', () => {
    expect(reviewIsDue('2027-03-11', '2027-03-11T10:00:00.000Z')).toBe(true);
    expect(reviewIsDue('2027-05-31', '2027-03-11T10:00:00.000Z')).toBe(false);
  });
});
