import { Link } from 'react-router';
import type { Change, ChangeEntityType } from '../../../shared/schemas/cycles.ts';
import { cyclePaths } from '../../cycles/paths.ts';

const kindLabels: Readonly<Record<Change['kind'], string>> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  moved: 'Moved',
};
const entityLabels: Readonly<Record<ChangeEntityType, string>> = {
  outcome: 'Outcome',
  indicator: 'Indicator',
  metric: 'Metric',
  action: 'Action',
  link: 'Link',
  concern: 'Concern',
  comment: 'Comment',
  decision: 'Decision',
  round: 'Round',
  narrative: 'Narrative',
  domain: 'Domain',
};

function valueWords(value: Change['before']): string {
  if (value === null || value === '') return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** A word-level diff: added words in <ins>, removed in <del>, each also said in words (never colour alone). */
function WordDiff({ diff }: { diff: NonNullable<Change['diff']> }) {
  return (
    <p className="change__diff" data-testid="change-diff">
      {diff.map((part, index) =>
        part.op === 'insert' ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.op === 'delete' ? (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** One change, in words: what, the words or values before and after, and who made it. */
export function ChangeItem({ change, partnershipId }: { change: Change; partnershipId: string }) {
  const paths = cyclePaths(partnershipId);
  const name =
    change.entity.type === 'outcome' && change.kind !== 'removed' ? (
      <Link to={paths.outcome(change.entity.id)}>{change.entity.label}</Link>
    ) : (
      change.entity.label
    );
  const showValues =
    !change.diff && (change.kind === 'changed' || change.kind === 'moved') && change.before !== change.after;
  return (
    <li className="change" data-testid="change">
      <p className="change__what">
        <span className="tag tag--grey change__kind">{kindLabels[change.kind]}</span>
        {entityLabels[change.entity.type]} <strong>{name}</strong>
        {change.words ? <>: {change.words}</> : null}
      </p>
      {change.diff && change.diff.length > 0 ? <WordDiff diff={change.diff} /> : null}
      {showValues ? (
        <p className="change__values">
          Was {valueWords(change.before)} → now <strong>{valueWords(change.after)}</strong>
        </p>
      ) : null}
      <p className="change__who">{change.by ? `By ${change.by.name}` : 'Who made this change is not recorded'}</p>
    </li>
  );
}
