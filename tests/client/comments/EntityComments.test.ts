// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommentThreadsContext, type CommentThreadsValue } from '../../../client/comments/CommentThreadsContext.ts';
import { cannotCommentReason } from '../../../client/comments/CommentThreadsProvider.tsx';
import { EntityComments } from '../../../client/comments/EntityComments.tsx';
import type { CommentThread, EntityAnchor } from '../../../shared/schemas/comments.ts';

const createThread = vi.hoisted(() => vi.fn());
vi.mock('../../../client/api/comments.ts', () => ({
  createThread,
  replyToThread: vi.fn(),
  setThreadStatus: vi.fn(),
}));

// React warns when act() is used outside an environment that declares it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const evidence: EntityAnchor = { kind: 'entity', entityKind: 'metric', entityId: 'm1', aspect: 'evidence' };
let built = 0;
function buildThread(overrides: Partial<CommentThread> = {}): CommentThread {
  built += 1;
  return {
    id: `t${built}`,
    partnershipId: 'p1',
    anchor: { ...evidence, period: '2023/24' },
    status: 'open',
    createdBy: { id: 'u1', name: 'Cora' },
    createdAt: '2026-01-01T10:00:00.000Z',
    resolvedBy: null,
    resolvedAt: null,
    comments: [
      { id: `c${built}`, author: { id: 'u1', name: 'Cora' }, body: 'Why the dip?', mentions: [], createdAt: 'x' },
    ],
    ...overrides,
  };
}

function value(overrides: Partial<CommentThreadsValue> = {}): CommentThreadsValue {
  return {
    partnershipId: 'p1',
    threads: [],
    loaded: true,
    members: [],
    canComment: true,
    cannotCommentReason: null,
    linkedThreadId: null,
    ...overrides,
  };
}

let root: Root | null = null;
function render(context: CommentThreadsValue, periods?: string[]): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => {
    root!.render(
      createElement(
        CommentThreadsContext.Provider,
        { value: context },
        createElement(EntityComments, {
          anchor: evidence,
          subject: 'Evidence: Admissions',
          about: 'the evidence for Admissions',
          ...(periods ? { periods } : {}),
        }),
      ),
    );
  });
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  createThread.mockReset();
});

describe('comments on one thing', () => {
  it('counts open and resolved threads in words, and lists only those on this aspect, each with its period', () => {
    const threads = [
      buildThread(),
      buildThread({ status: 'resolved', resolvedBy: { id: 'u2', name: 'Esme' }, resolvedAt: 'x' }),
      buildThread({ anchor: { kind: 'entity', entityKind: 'metric', entityId: 'm1', aspect: 'data-mapping' } }),
    ];
    const container = render(value({ threads }));
    expect(container.querySelector('summary')?.textContent).toBe(
      'Comments (1 open, 1 resolved) on the evidence for Admissions',
    );
    const subjects = [...container.querySelectorAll('.thread-card__subject')].map((heading) => heading.textContent);
    expect(subjects).toEqual(['Evidence: Admissions, 2023/24', 'Evidence: Admissions, 2023/24']);
    expect(container.querySelector('.entity-comments__resolved summary')?.textContent).toBe('Resolved comments (1)');
  });

  it('opens on the thread the address names, and moves focus to it', () => {
    // jsdom lays nothing out, so has no scrolling to do.
    Element.prototype.scrollIntoView = vi.fn();
    const linked = buildThread();
    const closed = render(value({ threads: [linked] }));
    expect(closed.querySelector('details')?.open).toBe(false);
    act(() => root?.unmount());
    const opened = render(value({ threads: [linked], linkedThreadId: linked.id }));
    expect(opened.querySelector('details')?.open).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('comment-thread');
  });

  it('preselects the latest period and sends it with a new thread', async () => {
    createThread.mockResolvedValue(buildThread());
    const container = render(value(), ['2022/23', '2023/24', '2024/25']);
    const select = container.querySelector('select')!;
    expect(select.value).toBe('2024/25');
    expect([...select.options].map((option) => option.value)).toEqual(['', '2024/25', '2023/24', '2022/23']);
    const textarea = container.querySelector('textarea')!;
    expect(container.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe(
      'Comment on the evidence for Admissions',
    );
    act(() => {
      // Typed as a person would: React's own value tracker must not see the change before the input event.
      textarea.setRangeText('The 2024/25 figure looks provisional');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      container.querySelector('form')!.requestSubmit();
      await Promise.resolve();
    });
    expect(createThread).toHaveBeenCalledWith('p1', {
      anchor: { ...evidence, period: '2024/25' },
      body: 'The 2024/25 figure looks provisional',
      mentions: [],
    });
  });

  it('shows no form to someone who cannot comment, and says why', () => {
    const reason = cannotCommentReason('viewer');
    const container = render(value({ canComment: false, cannotCommentReason: reason }));
    expect(container.querySelector('form')).toBeNull();
    expect(container.querySelector('[data-testid="cannot-comment"]')?.textContent).toBe(reason);
    expect(reason).toMatch(/^You are a viewer here, so you can read comments but not add or answer them\./);
    expect(cannotCommentReason('commenter')).toBeNull();
  });
});
