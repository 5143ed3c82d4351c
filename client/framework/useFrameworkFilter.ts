import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FrameworkFilter } from '../../shared/model/framework/index.ts';
import { AgeStageSchema, DomainSchema, LevelSchema, ScopeSchema } from '../../shared/schemas/framework.ts';

const keys = { domain: 'domain', level: 'level', scope: 'scope', ageStage: 'age', text: 'q' } as const;

/**
 * The overview's filter, kept in the address so a filtered view can be bookmarked, shared and survives a reload.
 * Unknown values in the address are ignored rather than trusted.
 */
export function useFrameworkFilter(): [FrameworkFilter, (next: FrameworkFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<FrameworkFilter>(() => {
    const domain = DomainSchema.safeParse(params.get(keys.domain));
    const level = LevelSchema.safeParse(params.get(keys.level));
    const scope = ScopeSchema.safeParse(params.get(keys.scope));
    const ageStage = AgeStageSchema.safeParse(params.get(keys.ageStage));
    const text = params.get(keys.text)?.slice(0, 200);
    return {
      ...(domain.success ? { domain: domain.data } : {}),
      ...(level.success ? { level: level.data } : {}),
      ...(scope.success ? { scope: scope.data } : {}),
      ...(ageStage.success ? { ageStage: ageStage.data } : {}),
      ...(text ? { text } : {}),
    };
  }, [params]);
  const setFilter = useCallback(
    (next: FrameworkFilter) => {
      const updated = new URLSearchParams();
      for (const [field, key] of Object.entries(keys) as [keyof FrameworkFilter, string][]) {
        const value = next[field];
        if (value) updated.set(key, value);
      }
      // Replace, not push: typing in the search box should not fill the history with one entry per letter.
      setParams(updated, { replace: true });
    },
    [setParams],
  );
  return [filter, setFilter];
}

/** Whether any filter is set. */
export function isFiltered(filter: FrameworkFilter): boolean {
  return Object.values(filter).some(Boolean);
}
