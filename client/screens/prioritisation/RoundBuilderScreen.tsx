import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { eligibilityLabels, methodLabels, visibilityLabels } from '../../../shared/model/prioritisation/methods.ts';
import { CreateRoundRequestSchema, RoundMethodSchema, type Round } from '../../../shared/schemas/rounds.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { RadioGroup } from '../../forms/RadioGroup.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { errorsFromFailure, validate, type FormError } from '../../forms/validate.ts';
import { createRound, fetchRound, updateRound } from '../../prioritisation/roundsApi.ts';
import { draftFromRound, emptyRoundDraft, requestFromDraft, type RoundDraft } from '../../prioritisation/roundDraft.ts';
import { candidateChoices } from '../../prioritisation/candidateChoices.ts';
import { useConcerns } from '../../concerns/useConcerns.ts';
import { useLiveFramework } from '../../framework/useFrameworkCache.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { CandidateOrderField } from './CandidateOrderField.tsx';
import { CandidatePicker } from './CandidatePicker.tsx';
import { MethodSettingsFields } from './MethodSettingsFields.tsx';

const fields = [
  'title',
  'question',
  'candidates',
  'settings',
  'visibility',
  'anonymous',
  'eligibility',
  'quorum',
  'closesAt',
];
const optionsOf = <K extends string>(labels: Readonly<Record<K, { label: string; summary: string }>>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value].label, hint: labels[value].summary }));

/** Creating a round (`rounds/new`) or changing a draft (`rounds/:roundId/edit`), for facilitators. */
export function RoundBuilderScreen() {
  const { roundId } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => (roundId ? fetchRound(roundId, signal) : Promise.resolve(null)),
    [roundId],
  );
  const existing = useApiData(load);
  const title = roundId ? 'Change the round' : 'New prioritisation round';
  if (existing.status === 'loading') {
    return (
      <PartnershipPage title={title}>
        <p role="status">Loading…</p>
      </PartnershipPage>
    );
  }
  if (existing.status === 'failed') {
    return (
      <PartnershipPage title={title}>
        <LoadFailure what="The round" error={existing.error} onRetry={existing.reload} />
      </PartnershipPage>
    );
  }
  return <RoundBuilderForm key={roundId ?? 'new'} title={title} existing={existing.data} />;
}

function RoundBuilderForm({ title, existing }: { title: string; existing: Round | null }) {
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const framework = useLiveFramework(doc);
  const concerns = useConcerns(doc);
  const choices = useMemo(() => candidateChoices(framework, concerns), [framework, concerns]);
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RoundDraft>(() => (existing ? draftFromRound(existing) : emptyRoundDraft()));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sending, setSending] = useState(false);
  const base = `/p/${encodeURIComponent(partnership.id)}`;
  const fieldId = (field: string) => `round-${field}`;
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const change = (patch: Partial<RoundDraft>) => setDraft((current) => ({ ...current, ...patch }));

  if (existing && existing.state !== 'draft') {
    return (
      <PartnershipPage title={title}>
        <p>This round has opened, so its rules can no longer change.</p>
        <Link to={`${base}/rounds/${existing.id}`}>Back to the round</Link>
      </PartnershipPage>
    );
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (sending) return;
    const result = validate(CreateRoundRequestSchema, requestFromDraft(draft), fields);
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    setSending(true);
    const request = requestFromDraft(draft);
    (existing
      ? updateRound(existing.id, CreateRoundRequestSchema.parse(request))
      : createRound(partnership.id, request)
    ).then(
      (round) => void navigate(`${base}/rounds/${round.id}`),
      (error: unknown) => {
        setSending(false);
        setErrors(errorsFromFailure(error, fields));
      },
    );
  };

  return (
    <PartnershipPage title={title}>
      <p className="back-link-wrapper">
        <Link className="back-link" to={existing ? `${base}/rounds/${existing.id}` : `${base}/rounds`}>
          {existing ? 'Back to the round' : 'All rounds'}
        </Link>
      </p>
      <form onSubmit={handleSubmit} noValidate className="round-builder" data-testid="round-builder">
        <ErrorSummary errors={errors} fieldId={fieldId} />
        <h2 className="builder-step">1. The question</h2>
        <TextField
          id={fieldId('title')}
          name="title"
          label="Title"
          value={draft.title}
          error={errorFor('title')}
          hint="For example: Priority outcomes for 2026 to 2027"
          onChange={(event) => change({ title: event.target.value })}
        />
        <div className={errorFor('question') ? 'field field--error' : 'field'}>
          <label htmlFor={fieldId('question')}>Question for voters (optional)</label>
          <div id={`${fieldId('question')}-hint`} className="hint">
            What should people weigh up? This is shown above the ballot.
          </div>
          <textarea
            id={fieldId('question')}
            rows={3}
            value={draft.question}
            aria-describedby={`${fieldId('question')}-hint`}
            onChange={(event) => change({ question: event.target.value })}
          />
        </div>
        <h2 className="builder-step">2. What to vote on</h2>
        <CandidatePicker
          id={fieldId('candidates')}
          choices={choices}
          chosen={draft.candidates}
          error={errorFor('candidates')}
          onChange={(candidates) => change({ candidates })}
        />
        <h2 className="builder-step">3. How people vote</h2>
        <RadioGroup
          id={fieldId('method')}
          name="method"
          legend="How will people vote?"
          options={optionsOf(methodLabels)}
          value={draft.method}
          onChange={(method) => change({ method: RoundMethodSchema.parse(method) })}
        />
        <MethodSettingsFields
          draft={draft}
          onChange={change}
          fieldId={fieldId('settings')}
          error={errorFor('settings')}
        />
        <CandidateOrderField draft={draft} onChange={change} fieldId={fieldId('candidateOrder')} />
        <h2 className="builder-step">4. Rules</h2>
        <RadioGroup
          id={fieldId('visibility')}
          name="visibility"
          legend="When can people see the results?"
          options={optionsOf(visibilityLabels)}
          value={draft.visibility}
          onChange={(visibility) => change({ visibility })}
          error={errorFor('visibility')}
        />
        <div className="field">
          <div className="checkbox">
            <input
              type="checkbox"
              id={fieldId('anonymous')}
              checked={draft.anonymous}
              aria-describedby={`${fieldId('anonymous')}-hint`}
              // Anonymous rounds show results only at close; ticking it moves the choice above there.
              onChange={(event) =>
                change(event.target.checked ? { anonymous: true, visibility: 'after-close' } : { anonymous: false })
              }
            />
            <label htmlFor={fieldId('anonymous')}>Anonymous voting</label>
          </div>
          <div id={`${fieldId('anonymous')}-hint`} className="hint choice-hint">
            Nobody, facilitators included, can see how anyone voted; you can still see who has voted. This cannot be
            switched off once voting opens, and an anonymous round cannot be reopened after it closes. Results are shown
            when the round closes, so nobody can match a change in the figures to the person who just voted.
          </div>
        </div>
        <RadioGroup
          id={fieldId('eligibility')}
          name="eligibility"
          legend="Who votes?"
          options={optionsOf(eligibilityLabels)}
          value={draft.eligibility}
          onChange={(eligibility) => change({ eligibility })}
          error={errorFor('eligibility')}
        />
        <TextField
          id={fieldId('quorum')}
          name="quorum"
          label="Quorum (percentage of those eligible who must vote)"
          width="short"
          inputMode="numeric"
          hint="0 means no quorum. The results say whether it was met."
          value={draft.quorumPercent}
          error={errorFor('quorum')}
          onChange={(event) => change({ quorumPercent: event.target.value })}
        />
        <TextField
          id={fieldId('closesAt')}
          name="closesAt"
          type="datetime-local"
          label="Closing time (optional)"
          width="short"
          hint="Voting closes by itself at this time, in your time zone. Leave empty to close it yourself."
          value={draft.closesAt}
          error={errorFor('closesAt')}
          onChange={(event) => change({ closesAt: event.target.value })}
        />
        <div className="button-group">
          <button type="submit" disabled={sending}>
            {sending ? 'Saving…' : existing ? 'Save changes' : 'Save the draft round'}
          </button>
        </div>
        <p className="hint">Nothing is open for voting until you choose “Open voting” on the next screen.</p>
      </form>
    </PartnershipPage>
  );
}
