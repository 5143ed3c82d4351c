import { describe, expect, it } from 'vitest';
import { CreateMeetingRequestSchema } from '../../../shared/schemas/cycles.ts';
import { localDateAndTime, offsetDateTime } from '../../../client/cycles/localDateTime.ts';

describe('offsetDateTime', () => {
  it('gives an ISO date-time with this zone’s offset that the meeting schema accepts', () => {
    const startsAt = offsetDateTime('2027-03-11', '10:00');
    expect(startsAt).toMatch(/^2027-03-11T10:00:00[+-]\d{2}:\d{2}$/);
    expect(CreateMeetingRequestSchema.safeParse({ title: 'Board', startsAt }).success).toBe(true);
  });

  it('is the same instant the person typed, read back in their zone', () => {
    expect(localDateAndTime(offsetDateTime('2027-07-01', '18:45'))).toEqual({ date: '2027-07-01', time: '18:45' });
  });

  it('is empty for a missing part or a date that does not exist', () => {
    expect(offsetDateTime('', '10:00')).toBe('');
    expect(offsetDateTime('2027-03-11', '')).toBe('');
    expect(offsetDateTime('2027-02-31', '10:00')).toBe('');
  });
});
