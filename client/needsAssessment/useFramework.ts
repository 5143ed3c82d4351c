import type * as Y from 'yjs';
import type { Framework } from '../../shared/model/framework/index.ts';
import { useLiveFramework } from '../framework/useFrameworkCache.ts';

/**
 * The framework in the workspace doc, live. Read through the doc's shared cache, which validates again only what each
 * change touched: a full read of a large framework costs tens of milliseconds, too much for every keystroke.
 */
export function useFramework(doc: Y.Doc | null): Framework | null {
  return useLiveFramework(doc);
}
