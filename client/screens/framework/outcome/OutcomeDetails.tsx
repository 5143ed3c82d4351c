import { useId } from 'react';
import {
  ageStageLabel,
  ageStageOrder,
  domainLabel,
  domainOrder,
  frameworkCell,
  levelLabel,
  levelOrder,
  moveOutcome,
  outcomeText,
  scopeLabels,
  scopeOrder,
  setOutcomeAgeStage,
  updateOutcome,
  type OutcomePlacement,
  type OutcomeSummary,
} from '../../../../shared/model/framework/index.ts';
import { DomainSchema, LevelSchema, frameworkLimits } from '../../../../shared/schemas/framework.ts';
import { EntityComments } from '../../../comments/EntityComments.tsx';
import { SharedTextField } from '../../../components/SharedTextField.tsx';
import { SelectField } from '../../../forms/SelectField.tsx';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { fieldKey, frameworkViewing } from '../../../framework/presenceKeys.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { MoveButtons } from '../common/MoveButtons.tsx';

/** An outcome's own fields: statement and description (co-typed), where it sits, the ages it covers, core or local. */
export function OutcomeDetails({ outcome }: { outcome: OutcomeSummary }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { framework, perform, undo } = useFramework();
  const id = useId();
  const viewing = frameworkViewing.outcome(outcome.id);
  const name = outcome.statement.trim() || 'Untitled outcome';
  const siblings = frameworkCell(framework, outcome.domain, outcome.level).outcomes;
  const position = siblings.findIndex((sibling) => sibling.id === outcome.id);
  const cellWords = `${domainLabel(outcome.domain)} – ${levelLabel(outcome.level).toLowerCase()}`;

  const moveTo = (placement: OutcomePlacement, message: string): void => {
    if (doc) perform(message, () => moveOutcome(doc, outcome.id, placement));
  };
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>About this outcome</h2>
      <EntityComments
        anchor={{ kind: 'entity', entityKind: 'outcome', entityId: outcome.id }}
        subject={`Outcome: ${name}`}
        about="this outcome"
        headingLevel={3}
        testId="outcome-comments"
      />
      <SharedTextField
        id={`${id}-statement`}
        label="Outcome statement"
        hint="What good looks like, in strengths-based words, for example “Children are safe at home”."
        text={doc ? outcomeText(doc, outcome.id, 'statement') : null}
        maxLength={frameworkLimits.statement}
        viewing={viewing}
        presenceKey={fieldKey('outcome', outcome.id, 'statement')}
        testId="outcome-statement"
      />
      <SharedTextField
        id={`${id}-description`}
        label="Description"
        hint="What the outcome means here, and why it matters for this place."
        text={doc ? outcomeText(doc, outcome.id, 'description') : null}
        maxLength={frameworkLimits.description}
        viewing={viewing}
        presenceKey={fieldKey('outcome', outcome.id, 'description')}
        multiline
        testId="outcome-description"
      />
      <div className="outcome-placement">
        <SelectField
          id={`${id}-domain`}
          name="domain"
          label="Domain"
          value={outcome.domain}
          disabled={!canEdit}
          onChange={(event) => {
            const domain = DomainSchema.parse(event.target.value);
            moveTo({ domain }, `Moved “${name}” to ${domainLabel(domain)}`);
          }}
          options={domainOrder.map((domain) => ({ value: domain, label: domainLabel(domain) }))}
        />
        <SelectField
          id={`${id}-level`}
          name="level"
          label="Who it is about"
          value={outcome.level}
          disabled={!canEdit}
          onChange={(event) => {
            const level = LevelSchema.parse(event.target.value);
            moveTo({ level }, `Moved “${name}” to ${levelLabel(level).toLowerCase()}`);
          }}
          options={levelOrder.map((level) => ({ value: level, label: levelLabel(level) }))}
        />
      </div>
      <div className="field">
        <p className="outcome-position" id={`${id}-position`} data-testid="outcome-position">
          <strong>Position:</strong> {position + 1} of {siblings.length} in {cellWords}
        </p>
        <MoveButtons
          name={name}
          index={position}
          count={siblings.length}
          disabled={!canEdit}
          onMove={(to) => moveTo({ index: to }, `Moved “${name}” to position ${to + 1} of ${siblings.length}`)}
        />
      </div>
      <fieldset className="fieldset field">
        <legend className="fieldset__legend">Ages it covers</legend>
        <p className="hint">Leave every box clear if the outcome applies at every age.</p>
        <div className="checkbox-grid">
          {ageStageOrder.map((stage) => (
            <div className="checkbox" key={stage}>
              <input
                type="checkbox"
                id={`${id}-age-${stage}`}
                checked={outcome.ageStages.includes(stage)}
                disabled={!canEdit}
                onChange={(event) => {
                  const included = event.target.checked;
                  if (doc) {
                    undo.perform(`${included ? 'Added' : 'Removed'} ${ageStageLabel(stage)} on “${name}”`, () =>
                      setOutcomeAgeStage(doc, outcome.id, stage, included),
                    );
                  }
                }}
              />
              <label htmlFor={`${id}-age-${stage}`}>{ageStageLabel(stage)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset field">
        <legend className="fieldset__legend">Core or local</legend>
        <div className="radios radios--inline">
          {scopeOrder.map((scope) => (
            <div className="radio" key={scope}>
              <input
                type="radio"
                id={`${id}-scope-${scope}`}
                name={`${id}-scope`}
                checked={outcome.scope === scope}
                disabled={!canEdit}
                onChange={() => {
                  if (doc) {
                    undo.perform(`Made “${name}” ${scopeLabels[scope].toLowerCase()}`, () =>
                      updateOutcome(doc, outcome.id, { scope }),
                    );
                  }
                }}
              />
              <label htmlFor={`${id}-scope-${scope}`}>
                {scope === 'core' ? 'Core: shared by most places' : 'Local: added for this place'}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
