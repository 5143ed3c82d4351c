import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TheoryOfChange } from '../../../shared/model/theoryOfChange/index.ts';
import { theoryOfChangePath } from './TheoryOfChangePage.tsx';

/**
 * A mention of a thread on a theory-of-change link arrives here as `?link=…&thread=…` (the anchor names the link, not
 * its action): once the links are read, go on to the action's page, where the link's comments open on that thread.
 */
export function useLinkedThreadRedirect(partnershipId: string, theoryOfChange: TheoryOfChange): void {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const linkId = search.get('link');
  const threadId = search.get('thread');
  useEffect(() => {
    const link = linkId ? theoryOfChange.links.find((candidate) => candidate.id === linkId) : undefined;
    if (!link) return;
    const thread = threadId ? `?thread=${encodeURIComponent(threadId)}` : '';
    void navigate(theoryOfChangePath(partnershipId, `/actions/${encodeURIComponent(link.actionId)}${thread}`), {
      replace: true,
    });
  }, [partnershipId, theoryOfChange, linkId, threadId, navigate]);
}
