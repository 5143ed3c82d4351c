import { useCallback, useState, type FormEvent } from 'react';
import { domainLabel } from '../../../shared/model/framework/index.ts';
import { cycleLimits, type AgendaItemInput, type AgendaItemKind } from '../../../shared/schemas/cycles.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useConcerns } from '../../concerns/useConcerns.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { RadioGroup } from '../../forms/RadioGroup.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import type { FormError } from '../../forms/validate.ts';
import { useLiveFramework } from '../../framework/useFrameworkCache.ts';
import { formatDate } from '../../format.ts';
import { listDecisions, listRounds } from '../../prioritisation/roundsApi.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';

const kindOptions: { value: AgendaItemKind; label: string }[] = [
  { value: 'text', label: 'Something to discuss (free text)' },
  { value: 'round', label: 'A prioritisation round' },
  { value: 'outcome', label: 'An outcome' },
  { value: 'concern', label: 'A concern' },
  { value: 'decision-review', label: 'A decision to review' },
];
const choosePrompt: Record<Exclude<AgendaItemKind, 'text'>, string> = {
  round: 'Choose the round',
  outcome: 'Choose the outcome',
  concern: 'Choose the concern',
  'decision-review': 'Choose the decision',
};

/** Adds one item to the agenda: free text, or a round, outcome, concern or decision with an optional note. */
export function AddAgendaItemForm({
  partnershipId,
  sending,
  onAdd,
}: {
  partnershipId: string;
  sending: boolean;
  /** Resolves when the agenda was saved; the form then empties for the next item. */
  onAdd: (item: AgendaItemInput) => Promise<boolean>;
}) {
  const { doc } = useWorkspaceDoc();
  const framework = useLiveFramework(doc);
  const concerns = useConcerns(doc);
  const loadRounds = useCallback((signal: AbortSignal) => listRounds(partnershipId, signal), [partnershipId]);
  const loadDecisions = useCallback((signal: AbortSignal) => listDecisions(partnershipId, signal), [partnershipId]);
  const rounds = useApiData(loadRounds);
  const decisions = useApiData(loadDecisions);
  const [kind, setKind] = useState<AgendaItemKind>('text');
  const [target, setTarget] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const fieldId = (field: string) => `agenda-new-${field}`;

  const targets: { value: string; label: string }[] =
    kind === 'round'
      ? rounds.status === 'ready'
        ? rounds.data.filter((r) => r.state !== 'draft').map((r) => ({ value: r.id, label: r.title }))
        : []
      : kind === 'outcome'
        ? (framework?.outcomes ?? []).map((o) => ({ value: o.id, label: `${o.statement} (${domainLabel(o.domain)})` }))
        : kind === 'concern'
          ? concerns.map((c) => ({ value: c.id, label: c.name }))
          : kind === 'decision-review'
            ? decisions.status === 'ready'
              ? decisions.data.map((d) => ({
                  value: d.id,
                  label: `${d.roundTitle}, review by ${formatDate(d.reviewDate)}`,
                }))
              : []
            : [];

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (sending) return;
    const text = title.trim();
    const problems: FormError[] = [];
    if (kind === 'text' && text === '') problems.push({ field: 'title', message: 'Write the agenda item' });
    if (kind !== 'text' && target === '') problems.push({ field: 'target', message: choosePrompt[kind] });
    if (text.length > cycleLimits.agendaText) {
      problems.push({ field: 'title', message: `Must be ${cycleLimits.agendaText} characters or fewer` });
    }
    setErrors(problems);
    if (problems.length > 0) return;
    const item: AgendaItemInput =
      kind === 'round'
        ? { kind, roundId: target, title: text }
        : kind === 'outcome'
          ? { kind, outcomeId: target, title: text }
          : kind === 'concern'
            ? { kind, concernId: target, title: text }
            : kind === 'decision-review'
              ? { kind, decisionId: target, reason: text }
              : { kind, title: text };
    void onAdd(item).then((saved) => {
      if (!saved) return;
      setTitle('');
      setTarget('');
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="add-agenda-item">
      <ErrorSummary errors={errors} fieldId={fieldId} />
      <RadioGroup
        id={fieldId('kind')}
        name="agenda-kind"
        legend="What is the item about?"
        options={kindOptions}
        value={kind}
        onChange={(value) => {
          setKind(value);
          setTarget('');
          setErrors([]);
        }}
      />
      {kind !== 'text' ? (
        <SelectField
          id={fieldId('target')}
          name="target"
          label={choosePrompt[kind]}
          options={[{ value: '', label: 'Choose…' }, ...targets]}
          value={target}
          error={errors.find((e) => e.field === 'target')?.message}
          onChange={(event) => setTarget(event.target.value)}
        />
      ) : null}
      <TextField
        id={fieldId('title')}
        name="title"
        label={
          kind === 'text' ? 'Agenda item' : kind === 'decision-review' ? 'Why review it (optional)' : 'Note (optional)'
        }
        hint={kind === 'text' ? 'For example: Apologies and declarations of interest' : undefined}
        value={title}
        autoComplete="off"
        error={errors.find((e) => e.field === 'title')?.message}
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" disabled={sending}>
        {sending ? 'Saving…' : 'Add to the agenda'}
      </button>
    </form>
  );
}
