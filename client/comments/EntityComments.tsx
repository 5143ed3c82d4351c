import { EntityThreads, type EntityThreadsProps } from './EntityThreads.tsx';
import { useEntityThreads } from './useEntityThreads.ts';

/**
 * "Comments (N open)" for one outcome, indicator, metric (or one aspect of it) or theory-of-change link: a native
 * disclosure, so it opens with Enter or Space and says whether it is open; its threads and a form inside.
 */
export function EntityComments(props: EntityThreadsProps & { testId?: string }) {
  const { testId, ...threadsProps } = props;
  const { open, resolved, linked } = useEntityThreads(props.anchor);
  return (
    // Opened from the mentions inbox, it is open in the same render that selects the thread, so the card can take
    // focus; otherwise the attribute is left to the browser and the person's own toggling.
    <details className="entity-comments" open={linked ? true : undefined} data-testid={testId ?? 'entity-comments'}>
      <summary>
        Comments ({open} open{resolved > 0 ? `, ${resolved} resolved` : ''})
        <span className="visually-hidden"> on {props.about}</span>
      </summary>
      <EntityThreads {...threadsProps} />
    </details>
  );
}
