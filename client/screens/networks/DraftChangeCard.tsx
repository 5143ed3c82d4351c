import { domainLabel, domainOrder, levelLabel, levelOrder } from '../../../shared/model/framework/domains.ts';
import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import type { Domain, Level } from '../../../shared/schemas/framework.ts';
import type { TemplateChangeDraft } from '../../../shared/schemas/networks.ts';
import { changeWords } from './changeWords.ts';
import { itemOptions } from './templateOptions.ts';
import type { DraftChange } from './templateDraft.ts';

interface DraftChangeCardProps {
  /** The element id the problem summary links to. */
  id: string;
  position: number;
  draftChange: DraftChange;
  template: NetworkTemplate;
  problems: readonly string[];
  onChange: (change: TemplateChangeDraft) => void;
  onRemove: () => void;
}

/**
 * One change of the draft, in words, with what the server said about it beside it. A change promoted from local
 * additions keeps its wording and parent editable: the places' words are a starting point, not a decision.
 */
export function DraftChangeCard({
  id,
  position,
  draftChange,
  template,
  problems,
  onChange,
  onRemove,
}: DraftChangeCardProps) {
  const { change, sourceEntities } = draftChange;
  const editable = sourceEntities.length > 0 && change.kind !== 'reword';
  const errorId = `${id}-problems`;
  return (
    <li
      className={problems.length > 0 ? 'network-draft__change network-draft__change--error' : 'network-draft__change'}
      data-testid="draft-change"
    >
      <h3 id={id} tabIndex={-1} className="network-draft__title">
        Change {position}: {changeWords(change, template)}
      </h3>
      {sourceEntities.length > 0 ? (
        <p className="hint">
          Promoted from {sourceEntities.length} local {sourceEntities.length === 1 ? 'addition' : 'additions'}: places
          that have one adopt it by linking it, keeping their own words.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul id={errorId} className="field-error network-draft__problems" data-testid="draft-change-problems">
          {problems.map((problem) => (
            <li key={problem}>
              <span className="visually-hidden">Error:</span> {problem}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <PromotedFields
          id={id}
          change={change}
          template={template}
          describedBy={problems.length > 0 ? errorId : undefined}
          onChange={onChange}
        />
      ) : null}
      <button type="button" className="link-button" onClick={onRemove}>
        Remove<span className="visually-hidden"> change {position} from the draft</span>
      </button>
    </li>
  );
}

function PromotedFields({
  id,
  change,
  template,
  describedBy,
  onChange,
}: {
  id: string;
  change: TemplateChangeDraft;
  template: NetworkTemplate;
  describedBy: string | undefined;
  onChange: (change: TemplateChangeDraft) => void;
}) {
  if (change.kind === 'reword') return null;
  const wording = change.kind === 'add-outcome' ? change.statement : change.name;
  const setWording = (text: string): void =>
    onChange(change.kind === 'add-outcome' ? { ...change, statement: text } : { ...change, name: text });
  return (
    <div className="network-draft__fields">
      <div className="field">
        <label htmlFor={`${id}-wording`}>Wording</label>
        <input
          id={`${id}-wording`}
          value={wording}
          onChange={(event) => setWording(event.currentTarget.value)}
          aria-describedby={describedBy}
        />
      </div>
      {change.kind === 'add-outcome' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-domain`}>Domain</label>
            <select
              id={`${id}-domain`}
              value={change.domain}
              onChange={(event) => onChange({ ...change, domain: event.currentTarget.value as Domain })}
            >
              {domainOrder.map((domain) => (
                <option key={domain} value={domain}>
                  {domainLabel(domain)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-level`}>Who it is about</label>
            <select
              id={`${id}-level`}
              value={change.level}
              onChange={(event) => onChange({ ...change, level: event.currentTarget.value as Level })}
            >
              {levelOrder.map((level) => (
                <option key={level} value={level}>
                  {levelLabel(level)}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {change.kind === 'add-indicator' ? (
        <div className="field">
          <label htmlFor={`${id}-parent`}>Outcome it serves</label>
          <select
            id={`${id}-parent`}
            value={change.outcomeTemplateIds[0] ?? ''}
            aria-describedby={describedBy}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ ...change, outcomeTemplateIds: value === '' ? [] : [value] });
            }}
          >
            <option value="">Choose an outcome</option>
            {itemOptions(template, 'outcome').map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {change.kind === 'add-metric' ? (
        <div className="field">
          <label htmlFor={`${id}-parent`}>Indicator it measures</label>
          <select
            id={`${id}-parent`}
            value={change.indicatorTemplateId}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...change, indicatorTemplateId: event.currentTarget.value })}
          >
            <option value="">Choose an indicator</option>
            {itemOptions(template, 'indicator').map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
