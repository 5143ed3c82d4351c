import * as Y from 'yjs';
import { encodeAnchorPosition, narrativeFragment, narrativeKey } from '../../../shared/model/narratives/index.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';
import type { CommentAnchor, CreateThreadRequest } from '../../../shared/schemas/comments.ts';

/** A text anchor at the start of a domain narrative: valid in any partnership, even one with nothing written yet. */
export function buildDomainAnchor(domain: Domain = 'safe', overrides: Partial<CommentAnchor> = {}): CommentAnchor {
  const key = narrativeKey({ kind: 'domain', domain });
  const position = encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(narrativeFragment(new Y.Doc(), key), 0));
  return {
    kind: 'text',
    narrativeKey: key,
    start: position,
    end: position,
    quote: 'Referrals',
    ...overrides,
  } as CommentAnchor;
}

/** A request to start a thread, with a domain anchor unless told otherwise. */
export function buildThreadRequest(overrides: Partial<CreateThreadRequest> = {}): CreateThreadRequest {
  return { anchor: buildDomainAnchor(), body: 'Can we add the 2025 figures here?', mentions: [], ...overrides };
}
