import { domainLabel, domainOrder, levelLabel, levelOrder } from '../../../shared/model/framework/domains.ts';
import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import type { Domain, Level } from '../../../shared/schemas/framework.ts';
import type { TemplateChangeDraft } from '../../../shared/schemas/networks.ts';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { changeWords } from './changeWords.ts';
import { itemOptions } from './templateOptions.ts';
import type { DraftChange } from './templateDraft.ts';

const domainOptions = domainOrder.map((domain) => ({ value: domain, label: domainLabel(domain) }));
const levelOptions = levelOrder.map((level) => ({ value: level, label: levelLabel(level) }));

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
      <TextField
        id={`${id}-wording`}
        name={`${id}-wording`}
        label="Wording"
        value={wording}
        onChange={(event) => setWording(event.currentTarget.value)}
        aria-describedby={describedBy}
      />
      {change.kind === 'add-outcome' ? (
        <>
          <SelectField
            id={`${id}-domain`}
            name={`${id}-domain`}
            label="Domain"
            options={domainOptions}
            value={change.domain}
            onChange={(event) => onChange({ ...change, domain: event.currentTarget.value as Domain })}
          />
          <SelectField
            id={`${id}-level`}
            name={`${id}-level`}
            label="Who it is about"
            options={levelOptions}
            value={change.level}
            onChange={(event) => onChange({ ...change, level: event.currentTarget.value as Level })}
          />
        </>
      ) : null}
      {change.kind === 'add-indicator' ? (
        <SelectField
          id={`${id}-parent`}
          name={`${id}-parent`}
          label="Outcome it serves"
          options={[{ value: '', label: 'Choose an outcome' }, ...itemOptions(template, 'outcome')]}
          value={change.outcomeTemplateIds[0] ?? ''}
          aria-describedby={describedBy}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ ...change, outcomeTemplateIds: value === '' ? [] : [value] });
          }}
        />
      ) : null}
      {change.kind === 'add-metric' ? (
        <SelectField
          id={`${id}-parent`}
          name={`${id}-parent`}
          label="Indicator it measures"
          options={[{ value: '', label: 'Choose an indicator' }, ...itemOptions(template, 'indicator')]}
          value={change.indicatorTemplateId}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...change, indicatorTemplateId: event.currentTarget.value })}
        />
      ) : null}
    </div>
  );
}
