import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ordinal } from '../../../shared/model/prioritisation/statistics.ts';
import { RecordDecisionRequestSchema, type Decision } from '../../../shared/schemas/decisions.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { errorsFromFailure, validate, type FormError } from '../../forms/validate.ts';
import { fetchDecision, fetchResults, recordDecision } from '../../prioritisation/roundsApi.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { RoundEvidenceProvider } from '../../prioritisation/RoundEvidenceContext.tsx';
import { CandidateEvidence } from './CandidateEvidence.tsx';
import { CandidateName } from './CandidateName.tsx';

const fields = ['priorityCandidateIds', 'statement', 'reviewDate'];

/** After a round closes: the facilitator records the agreed priorities, an outcome statement and a review date. */
export function DecisionScreen() {
  const { roundId = '' } = useParams();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [results, decision] = await Promise.all([fetchResults(roundId, signal), fetchDecision(roundId, signal)]);
      return { results, decision };
    },
    [roundId],
  );
  const data = useApiData(load);
  if (data.status === 'loading') {
    return (
      <PartnershipPage title="Record the decision">
        <p role="status">Loading the results…</p>
      </PartnershipPage>
    );
  }
  if (data.status === 'failed') {
    return (
      <PartnershipPage title="Record the decision">
        <LoadFailure what="The results" error={data.error} onRetry={data.reload} />
      </PartnershipPage>
    );
  }
  return (
    <RoundEvidenceProvider roundId={roundId}>
      <DecisionForm roundId={roundId} results={data.data.results} decision={data.data.decision} />
    </RoundEvidenceProvider>
  );
}

function DecisionForm({
  roundId,
  results,
  decision,
}: {
  roundId: string;
  results: RoundResults;
  decision: Decision | null;
}) {
  const { partnership } = usePartnership();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>(() => decision?.priorities.map((p) => p.id) ?? []);
  const [statement, setStatement] = useState(decision?.statement ?? '');
  const [reviewDate, setReviewDate] = useState(decision?.reviewDate ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sending, setSending] = useState(false);
  const base = `/p/${encodeURIComponent(partnership.id)}`;
  const fieldId = (field: string) => `decision-${field}`;
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (sending) return;
    // Agreed priorities in the order the results ranked them.
    const ordered = results.candidates.map((c) => c.candidateId).filter((id) => chosen.includes(id));
    const result = validate(
      RecordDecisionRequestSchema,
      { priorityCandidateIds: ordered, statement, reviewDate },
      fields,
    );
    if (!result.ok) return setErrors(result.errors);
    setSending(true);
    recordDecision(roundId, result.data).then(
      () => void navigate(`${base}/rounds/decisions`),
      (error: unknown) => {
        setSending(false);
        setErrors(errorsFromFailure(error, fields));
      },
    );
  };

  return (
    <PartnershipPage title="Record the decision">
      <p className="back-link-wrapper">
        <Link className="back-link" to={`${base}/rounds/${roundId}`}>
          Back to the round
        </Link>
      </p>
      <form onSubmit={handleSubmit} noValidate data-testid="decision-form">
        <ErrorSummary errors={errors} fieldId={fieldId} />
        <div className={errorFor('priorityCandidateIds') ? 'field field--error' : 'field'}>
          <fieldset className="fieldset" aria-describedby={`${fieldId('priorityCandidateIds')}-hint`}>
            <legend className="fieldset__legend">Which candidates did the board agree as priorities?</legend>
            <p id={`${fieldId('priorityCandidateIds')}-hint`} className="hint">
              Listed in the order of the vote. The vote informs the decision; the board decides.
            </p>
            {errorFor('priorityCandidateIds') ? (
              <p className="field-error">{errorFor('priorityCandidateIds')}</p>
            ) : null}
            {results.candidates.map((candidate, index) => {
              const id =
                index === 0
                  ? fieldId('priorityCandidateIds')
                  : `${fieldId('priorityCandidateIds')}-${candidate.candidateId}`;
              return (
                <div className="checkbox" key={candidate.candidateId}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={chosen.includes(candidate.candidateId)}
                    onChange={(event) =>
                      setChosen((current) =>
                        event.target.checked
                          ? [...current, candidate.candidateId]
                          : current.filter((c) => c !== candidate.candidateId),
                      )
                    }
                    aria-describedby={`${id}-result`}
                  />
                  <label htmlFor={id}>
                    <CandidateName candidate={candidate} />
                  </label>
                  <span id={`${id}-result`} className="hint choice-hint">
                    Ranked {ordinal(candidate.rank)} · {results.aggregateLabel.toLowerCase()} {candidate.aggregate} ·
                    spread {candidate.spread}
                  </span>
                  <CandidateEvidence candidateId={candidate.candidateId} label={candidate.label} />
                </div>
              );
            })}
          </fieldset>
        </div>
        <div className={errorFor('statement') ? 'field field--error' : 'field'}>
          <label htmlFor={fieldId('statement')}>Outcome statement</label>
          <div id={`${fieldId('statement')}-hint`} className="hint">
            What the board agreed and why, in a few sentences, as it should appear in the minutes.
          </div>
          {errorFor('statement') ? <p className="field-error">{errorFor('statement')}</p> : null}
          <textarea
            id={fieldId('statement')}
            rows={5}
            value={statement}
            aria-describedby={`${fieldId('statement')}-hint`}
            onChange={(event) => setStatement(event.target.value)}
          />
        </div>
        <div className={errorFor('reviewDate') ? 'field field--error' : 'field'}>
          <label htmlFor={fieldId('reviewDate')}>Review date</label>
          <div id={`${fieldId('reviewDate')}-hint`} className="hint">
            When the board will look at these priorities again.
          </div>
          {errorFor('reviewDate') ? <p className="field-error">{errorFor('reviewDate')}</p> : null}
          <input
            id={fieldId('reviewDate')}
            type="date"
            className="input--short"
            value={reviewDate}
            aria-describedby={`${fieldId('reviewDate')}-hint`}
            onChange={(event) => setReviewDate(event.target.value)}
          />
        </div>
        <button type="submit" disabled={sending}>
          {sending ? 'Saving…' : 'Record the decision'}
        </button>
      </form>
    </PartnershipPage>
  );
}
