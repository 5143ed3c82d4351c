import { describe, expect, it } from 'vitest';
import { clockFace, durationWords } from '../../../client/prioritisation/useCountdown.ts';

describe('countdown words', () => {
  it('says the time left the way people say it', () => {
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(245)).toBe('4 minutes 5 seconds');
    expect(durationWords(3_720)).toBe('1 hour 2 minutes');
    expect(durationWords(90_000)).toBe('1 day 1 hour');
    expect(durationWords(0)).toBe('no time');
  });

  it('shows a clock face for the meeting room', () => {
    expect(clockFace(245)).toBe('04:05');
    expect(clockFace(3_725)).toBe('1:02:05');
  });
});
