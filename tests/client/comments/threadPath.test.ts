import { describe, expect, it } from 'vitest';
import { threadPath } from '../../../client/comments/threadPath.ts';

describe('where the inbox opens a thread', () => {
  it('opens each thread on the screen that shows it, naming the thread', () => {
    const metric = { kind: 'entity', entityKind: 'metric', entityId: 'm1' } as const;
    expect(threadPath('p1', 't1', { ...metric, aspect: 'data-mapping' })).toBe('/p/p1/data-mapping?thread=t1');
    expect(threadPath('p1', 't1', { ...metric, aspect: 'evidence', period: '2024/25' })).toBe(
      '/p/p1/evidence/metrics/m1?thread=t1',
    );
    expect(threadPath('p1', 't1', { kind: 'entity', entityKind: 'link', entityId: 'l1' })).toBe(
      '/p/p1/theory-of-change?thread=t1&link=l1',
    );
    expect(threadPath('p1', 't1', metric)).toBe('/p/p1/needs-assessment?thread=t1');
    expect(threadPath('p1', 't1', { kind: 'entity', entityKind: 'outcome', entityId: 'o1' })).toBe(
      '/p/p1/needs-assessment?thread=t1',
    );
  });
});
