import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TheoryOfChangeFilter } from '../../shared/model/theoryOfChange/index.ts';
import { DeliveryTypeSchema, EvidenceStrengthSchema } from '../../shared/schemas/theoryOfChange.ts';
import { useTheoryOfChangeContext } from './TheoryOfChangeContext.ts';

/** The graph and matrix filters, kept in the address so a view can be bookmarked or shared with the board. */
export function useFilterParams(): {
  filter: TheoryOfChangeFilter;
  showAllOutcomes: boolean;
  setParam: (name: string, value: string | null) => void;
} {
  const [params, setParams] = useSearchParams();
  const { decided } = useTheoryOfChangeContext().priorities;
  const filter = useMemo<TheoryOfChangeFilter>(() => {
    // Anything typed into the address that is not a valid choice is ignored rather than trusted.
    const deliveryType = DeliveryTypeSchema.safeParse(params.get('delivery'));
    const evidence = EvidenceStrengthSchema.safeParse(params.get('evidence'));
    return {
      // A bookmarked "priority only" view shows everything until the board has agreed priorities.
      priorityOnly: decided && params.get('priority') === 'only',
      organisation: (params.get('organisation') ?? '').slice(0, 200),
      ...(deliveryType.success ? { deliveryType: deliveryType.data } : {}),
      ...(evidence.success ? { evidence: evidence.data } : {}),
    };
  }, [params, decided]);
  const setParam = useCallback(
    (name: string, value: string | null) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { filter, showAllOutcomes: params.get('outcomes') === 'all', setParam };
}
