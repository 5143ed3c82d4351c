import type { Change } from '../../schemas/cycles.ts';
import type { OfferAction } from '../../schemas/theoryOfChange.ts';
import { tocFields } from '../theoryOfChange/docShape.ts';
import { evidenceStrengths } from '../theoryOfChange/labels.ts';
import { readTheoryOfChange, type LinkView } from '../theoryOfChange/readTheoryOfChange.ts';
import { change, type ComparisonContext } from './context.ts';
import { byId, presenceChanges } from './presence.ts';

function actionLabel(action: OfferAction): string {
  return action.name.trim() === '' ? 'Untitled action' : action.name.trim();
}

/**
 * Theory of change: actions and links added or removed (a link hidden with its deleted action counts as removed),
 * and links whose evidence strength changed.
 */
export function theoryOfChangeChanges(context: ComparisonContext): Change[] {
  const { frameworks } = context;
  const older = readTheoryOfChange(context.older.doc, frameworks.framework(context.older.doc));
  const newer = readTheoryOfChange(context.newer.doc, frameworks.framework(context.newer.doc));
  const stored = readTheoryOfChange(context.newer.doc, frameworks.framework(context.newer.doc), {
    includeDeleted: true,
  });
  const actionNames = new Map(
    [...stored.actions, ...older.actions].map((action) => [action.id, actionLabel(action)] as const),
  );
  const linkLabel = (link: LinkView): string =>
    `${actionNames.get(link.actionId) ?? 'An action'} → ${link.target.label.trim() || 'a removed outcome'}`;
  const changes = [
    ...presenceChanges(context, {
      domain: 'theory-of-change',
      type: 'action',
      before: byId(older.actions),
      after: byId(newer.actions),
      stored: byId(stored.actions),
      label: actionLabel,
      fields: (doc, id) => tocFields(doc, 'action', id),
      words: { added: 'Added to the offer', restored: 'Restored', deleted: 'Deleted', hidden: 'Removed' },
    }),
    ...presenceChanges(context, {
      domain: 'theory-of-change',
      type: 'link',
      before: byId(older.links),
      after: byId(newer.links),
      stored: byId(stored.links),
      label: linkLabel,
      fields: (doc, id) => tocFields(doc, 'link', id),
      words: { added: 'Linked', restored: 'Link restored', deleted: 'Link deleted', hidden: 'Hidden with its action' },
    }),
  ];
  const before = byId(older.links);
  for (const link of newer.links) {
    const was = before.get(link.id);
    if (!was || was.evidence === link.evidence) continue;
    const label = evidenceStrengths[link.evidence].label;
    changes.push(
      change(
        'theory-of-change',
        'changed',
        { type: 'link', id: link.id, label: linkLabel(link) },
        {
          field: 'evidence',
          before: evidenceStrengths[was.evidence].label,
          after: label,
          words: `Evidence now ${label.toLowerCase()} (was ${evidenceStrengths[was.evidence].label.toLowerCase()})`,
          by: context.attribution.ofKey(tocFields(context.newer.doc, 'link', link.id), 'evidence'),
        },
      ),
    );
  }
  return changes;
}
