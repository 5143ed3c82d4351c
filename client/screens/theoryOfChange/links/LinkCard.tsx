import { useId, useState, type FormEvent } from 'react';
import { domainLabel, levelLabel } from '../../../../shared/model/framework/index.ts';
import {
  deleteLink,
  evidenceStrengthOrder,
  evidenceStrengths,
  mechanismText,
  repointLink,
  timeframeOrder,
  timeframes,
  updateLink,
  type LinkView,
} from '../../../../shared/model/theoryOfChange/index.ts';
import {
  EvidenceStrengthSchema,
  TimeframeSchema,
  theoryOfChangeLimits,
} from '../../../../shared/schemas/theoryOfChange.ts';
import { EntityComments } from '../../../comments/EntityComments.tsx';
import { SharedTextField } from '../../../components/SharedTextField.tsx';
import { SelectField } from '../../../forms/SelectField.tsx';
import { useMe } from '../../../session/useSession.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../../theoryOfChange/TheoryOfChangeContext.ts';
import { linkFieldKey } from '../presenceKeys.ts';
import { AssumptionsChecklist } from './AssumptionsChecklist.tsx';
import { parseTargetValue, TargetSelect } from './TargetSelect.tsx';
import { textValue } from '../../../forms/formValues.ts';

/** One link: where it points, how the action contributes, the evidence, the timeframe and the assumptions. */
export function LinkCard({
  link,
  viewing,
  onDeleted,
}: {
  link: LinkView;
  viewing: string;
  /** Told after this person deletes the link, so the page can offer to undo it. */
  onDeleted: (link: LinkView) => void;
}) {
  const { doc, people, canEdit } = useWorkspaceDoc();
  const { priorities, snapshot } = useTheoryOfChangeContext();
  const { user } = useMe();
  const id = useId();
  if (!doc) return null;
  const { target } = link;
  const isPriority = target.outcomeIds.some((outcomeId) => priorities.outcomeIds.has(outcomeId));
  const editors = people
    .filter((p) => p.clientId !== doc.clientID && p.editing?.startsWith(`toc.link:${link.id}.`))
    .map((p) => p.user.name);
  const where = target.domain && target.level ? `${domainLabel(target.domain)} – ${levelLabel(target.level)}` : null;
  const action = snapshot.theoryOfChange.actions.find((candidate) => candidate.id === link.actionId);
  const actionName = action?.name.trim() || 'Untitled action';
  const targetName = target.label || 'not in the framework';
  return (
    <article
      className={target.state === 'live' ? 'card toc-link' : 'card toc-link toc-link--removed'}
      aria-labelledby={`${id}-title`}
      data-testid="link-card"
    >
      <p className="caption">
        {target.kind === 'outcome' ? 'Outcome' : 'Indicator'}
        {where ? ` · ${where}` : ''}
        {isPriority ? <span className="toc-tag toc-tag--priority">Priority</span> : null}
      </p>
      <h3 id={`${id}-title`}>{target.label || 'Not in the framework'}</h3>
      {editors.length > 0 ? (
        <p className="field-presence">{`${[...new Set(editors)].join(', ')} ${editors.length === 1 ? 'is' : 'are'} editing this link`}</p>
      ) : null}
      {target.state !== 'live' ? <RemovedTarget link={link} /> : null}
      <SharedTextField
        id={`${id}-mechanism`}
        label="How it contributes (mechanism)"
        hint="What the action does that leads to this change, and for whom."
        text={mechanismText(doc, link.id)}
        maxLength={theoryOfChangeLimits.mechanism}
        viewing={viewing}
        presenceKey={linkFieldKey(link.id, 'mechanism')}
        multiline
        rows={3}
      />
      <div className="toc-columns">
        <SelectField
          id={`${id}-evidence`}
          name="evidence"
          label="Evidence strength"
          hint={evidenceStrengths[link.evidence].description}
          value={link.evidence}
          disabled={!canEdit}
          onChange={(event) => updateLink(doc, link.id, { evidence: EvidenceStrengthSchema.parse(event.target.value) })}
          options={evidenceStrengthOrder.map((key) => ({ value: key, label: evidenceStrengths[key].label }))}
        />
        <SelectField
          id={`${id}-timeframe`}
          name="timeframe"
          label="Expected timeframe"
          value={link.timeframe}
          disabled={!canEdit}
          onChange={(event) => updateLink(doc, link.id, { timeframe: TimeframeSchema.parse(event.target.value) })}
          options={timeframeOrder.map((key) => ({ value: key, label: timeframes[key].label }))}
        />
      </div>
      <AssumptionsChecklist link={link} viewing={viewing} />
      <EntityComments
        anchor={{ kind: 'entity', entityKind: 'link', entityId: link.id }}
        subject={`Theory-of-change link: ${actionName} → ${targetName}`}
        about={`the link from ${actionName} to ${targetName}`}
        headingLevel={4}
        testId="link-comments"
      />
      {canEdit ? (
        <button
          type="button"
          className="button--secondary"
          onClick={() => {
            deleteLink(doc, link.id, user.displayName);
            onDeleted(link);
          }}
        >
          Delete this link<span className="visually-hidden"> to {target.label}</span>
        </button>
      ) : null}
    </article>
  );
}

/** A link whose outcome or indicator was removed: say so, and offer to point it elsewhere. */
function RemovedTarget({ link }: { link: LinkView }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const id = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  const what = link.target.kind === 'outcome' ? 'Outcome removed' : 'Indicator removed';

  const handleRepoint = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!doc) return;
    const target = parseTargetValue(textValue(event.currentTarget, 'target'));
    if (!target) {
      setError('Choose where this link should point');
      return;
    }
    const result = repointLink(doc, link.id, target);
    setError(result.ok ? undefined : result.message);
  };

  return (
    <div className="panel panel--warning" data-testid="removed-target">
      <p>
        <strong>{link.target.state === 'removed' ? what : 'Not in the framework'}.</strong> This link counts for nothing
        until it points at an outcome again. Point it at another outcome or indicator, or delete it.
      </p>
      {canEdit ? (
        <form noValidate onSubmit={handleRepoint}>
          <TargetSelect
            id={`${id}-repoint`}
            label="Point this link at"
            framework={snapshot.framework}
            priorities={priorities.outcomeIds}
            taken={new Set()}
            error={error}
          />
          <button type="submit">Point the link here</button>
        </form>
      ) : null}
    </div>
  );
}
