import { calendarDate } from '../cycles/packWords.ts';
import type { Change, CommentFact } from '../../schemas/cycles.ts';
import { change, namedPerson, shorten, type ComparisonContext } from './context.ts';

function commentLabel(comment: CommentFact): string {
  return comment.targetLabel.trim() === '' ? 'A comment thread' : `Comment on “${shorten(comment.targetLabel)}”`;
}

/** Comment threads opened, resolved, reopened or removed (from the SQL facts; a thread's text is never copied). */
export function commentChanges(context: ComparisonContext): Change[] {
  const before = new Map(context.older.facts.comments.map((comment) => [comment.id, comment]));
  const after = new Map(context.newer.facts.comments.map((comment) => [comment.id, comment]));
  const changes: Change[] = [];
  for (const [id, comment] of after) {
    const entity = { type: 'comment' as const, id, label: commentLabel(comment) };
    const was = before.get(id);
    const author = comment.authorId ? { id: comment.authorId, name: comment.authorName } : null;
    if (!was) {
      // Opened and resolved between the two versions: one change says both.
      changes.push(
        change('comments', 'added', entity, {
          before: null,
          after: comment.resolved ? 'Resolved' : 'Open',
          words: comment.resolved ? `Opened by ${comment.authorName} and resolved` : `Opened by ${comment.authorName}`,
          by: author,
        }),
      );
    } else if (was.resolved !== comment.resolved) {
      changes.push(
        change('comments', 'changed', entity, {
          field: 'status',
          before: was.resolved ? 'Resolved' : 'Open',
          after: comment.resolved ? 'Resolved' : 'Open',
          words: comment.resolved ? 'Resolved' : 'Reopened',
          by: comment.resolved ? namedPerson(comment.resolvedBy) : null,
        }),
      );
    }
  }
  for (const [id, comment] of before) {
    if (after.has(id)) continue;
    changes.push(
      change(
        'comments',
        'removed',
        { type: 'comment', id, label: commentLabel(comment) },
        {
          before: comment.resolved ? 'Resolved' : 'Open',
          after: null,
          words: 'Removed',
          by: null,
        },
      ),
    );
  }
  return changes;
}

/** Decisions taken since the older version (decisions are never edited, so only new ones are reported). */
export function decisionChanges(context: ComparisonContext): Change[] {
  const known = new Set(context.older.facts.decisions.map((decision) => decision.id));
  return context.newer.facts.decisions
    .filter((decision) => !known.has(decision.id))
    .map((decision) => {
      const priorities = decision.priorities.map((priority) => priority.label);
      return change(
        'decisions',
        'added',
        { type: 'decision', id: decision.id, label: `Decision on “${decision.roundTitle}”` },
        {
          before: null,
          after: priorities,
          words: `${shorten(decision.statement, 200)} (agreed priorities: ${priorities.join(', ') || 'none'}; review by ${calendarDate(decision.reviewDate)})`,
          by: namedPerson(decision.decidedBy),
        },
      );
    });
}
