import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded only when first shown (its code is split from the first page's), from a module that
 * exports it by name.
 */
export function lazyScreen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
