import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { ballotProblems } from '../../../shared/model/prioritisation/ballotRules.ts';
import { farFromGroupWords } from '../../../shared/model/prioritisation/delphi.ts';
import type { DotsBallot, RankingBallot } from '../../../shared/schemas/ballots.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { errorsFromFailure, type FormError } from '../../forms/validate.ts';
import { completeBallot, initialDraft, unansweredMessage, type BallotDraft } from '../../prioritisation/ballotDraft.ts';
import { DelphiReasonsContext, type DelphiReasons } from '../../prioritisation/DelphiReasonsContext.ts';
import { farInDraft, reasonsToSend } from '../../prioritisation/delphiDraft.ts';
import { useBallotOrder } from '../../prioritisation/useBallotOrder.ts';
import {
  castBallot,
  currentBallotOf,
  fetchMyBallot,
  fetchResults,
  type VersionedBallot,
} from '../../prioritisation/roundsApi.ts';
import { BallotReceipt } from './BallotReceipt.tsx';
import { BallotSummary } from './BallotSummary.tsx';
import type { PreviousResults } from './ballotFieldsProps.ts';
import { DotsBallotFields } from './DotsBallotFields.tsx';
import { MatrixBallotFields } from './MatrixBallotFields.tsx';
import { RankingBallotFields } from './RankingBallotFields.tsx';
import { ScoresBallotFields } from './ScoresBallotFields.tsx';

const instructions: Record<Round['settings']['method'], string> = {
  dots: 'Spend your dots on what matters most. You do not have to use them all.',
  scores: 'Score every candidate from 1 (very low) to 5 (very high) on each criterion.',
  ranking: 'Put the candidates in order, most important first.',
  matrix: 'For every candidate, say how great the need is and how much we can influence it locally.',
};

/** Loads my ballot (and, for a follow-up round, last round's results) before showing the form. */
export function VotingPanel({ round: listed, onCast }: { round: Round; onCast: () => void }) {
  // The ballot shows the candidates in my own order when the round shuffles them; everything below sees that order.
  const { round, shuffled } = useBallotOrder(listed);
  const loadMine = useCallback((signal: AbortSignal) => fetchMyBallot(round.id, signal), [round.id]);
  const mine = useApiData(loadMine);
  const previousId = round.followUpOf;
  const loadPrevious = useCallback(
    (signal: AbortSignal) => (previousId ? fetchResults(previousId, signal) : Promise.resolve(null)),
    [previousId],
  );
  const previousResults = useApiData(loadPrevious);
  const previous = useMemo<PreviousResults | null>(() => {
    if (previousResults.status !== 'ready' || !previousResults.data) return null;
    const results = previousResults.data;
    return {
      byCandidate: new Map(results.candidates.map((candidate) => [candidate.candidateId, candidate])),
      aggregateLabel: results.aggregateLabel,
      candidates: results.candidates,
    };
  }, [previousResults]);

  if (mine.status === 'loading') return <p role="status">Loading your ballot…</p>;
  if (mine.status === 'failed') return <LoadFailure what="Your ballot" error={mine.error} onRetry={mine.reload} />;
  return (
    <BallotForm key={round.id} round={round} shuffled={shuffled} mine={mine.data} previous={previous} onCast={onCast} />
  );
}

function BallotForm({
  round,
  shuffled,
  mine,
  previous,
  onCast,
}: {
  round: Round;
  /** Whether the candidates are in my own random order (said on the ballot). */
  shuffled: boolean;
  mine: VersionedBallot;
  previous: PreviousResults | null;
  onCast: () => void;
}) {
  const [draft, setDraft] = useState<BallotDraft>(() =>
    initialDraft(round.settings, round.candidates, mine.mine.ballot),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState<'none' | 'saved' | 'changed'>(mine.mine.hasVoted ? 'saved' : 'none');
  // The version of the stored ballot this screen last saw: a save based on an older one is refused, not applied.
  const [etag, setEtag] = useState<string | null>(mine.etag);
  // The ballot as stored elsewhere, when a save was refused because it had changed since this screen loaded it.
  const [conflict, setConflict] = useState<{ message: string; saved: VersionedBallot } | null>(null);
  // The receipt for the ballot as last saved from this screen: shown once, the server keeps only its hash.
  const [receipt, setReceipt] = useState<string | null>(null);
  const perOrganisation = round.eligibility === 'one-per-organisation';
  // Delphi: the reasons typed beside marks far from last round's group; only those still far are sent.
  const [reasons, setReasons] = useState<Record<string, string>>(() => mine.mine.ballot?.reasons ?? {});
  const far = useMemo(
    () => (previous ? farInDraft(round.settings, round.candidates, draft, previous.candidates) : new Set<string>()),
    [previous, round.settings, round.candidates, draft],
  );
  const delphi = useMemo<DelphiReasons | null>(
    () =>
      previous
        ? {
            far,
            reasons,
            disabled: sending,
            onReasonChange: (candidateId, reason) => {
              setReasons((current) => ({ ...current, [candidateId]: reason }));
              if (saved === 'saved') setSaved('changed');
            },
          }
        : null,
    [previous, far, reasons, sending, saved],
  );

  const handleChange = (next: BallotDraft): void => {
    setDraft(next);
    if (saved === 'saved') setSaved('changed');
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (sending) return;
    const complete = completeBallot(draft);
    const ballot = complete ? { ...complete, reasons: reasonsToSend(reasons, far) } : null;
    const problems = ballot
      ? ballotProblems(round.settings, round.candidates, ballot, previous ? previous.candidates : null)
      : [];
    if (!ballot || problems.length > 0) {
      const shown = ballot
        ? problems.map((problem) => ({
            field:
              typeof problem.path[1] !== 'string'
                ? null
                : problem.path[0] === 'reasons'
                  ? `reason-${problem.path[1]}`
                  : problem.path[1],
            message: problem.message,
          }))
        : [{ field: draft.method === 'ranking' ? 'order' : null, message: unansweredMessage(draft) }];
      setErrors(shown.filter((error, index) => shown.findIndex((e) => e.message === error.message) === index));
      return;
    }
    setErrors([]);
    setSending(true);
    castBallot(round.id, ballot, etag).then(
      (result) => {
        setSending(false);
        setEtag(result.etag);
        setReceipt(result.cast.receipt);
        setConflict(null);
        setSaved('saved');
        onCast();
      },
      (error: unknown) => {
        setSending(false);
        const current = currentBallotOf(error);
        if (current) {
          // Nothing was overwritten. Show both versions; saving again (now against the newer one) keeps the edits.
          setConflict({ message: (error as Error).message, saved: current });
          setEtag(current.etag);
          setSaved('changed');
          onCast();
          return;
        }
        setErrors(
          errorsFromFailure(
            error,
            round.candidates.map((candidate) => candidate.id),
          ),
        );
      },
    );
  };

  const fieldProps = { round, previous, disabled: sending };
  return (
    <form onSubmit={handleSubmit} noValidate data-testid="ballot-form" aria-labelledby="vote-heading">
      <h2 id="vote-heading">Your vote</h2>
      <ErrorSummary errors={errors} fieldId={(field) => `ballot-${field}`} />
      <p className="hint">
        {instructions[round.settings.method]}
        {perOrganisation ? ' Your organisation casts one ballot: any of its voting members can cast or change it.' : ''}
        {round.anonymous ? ' This round is anonymous: nobody can see how you voted.' : ''}
      </p>
      {shuffled ? (
        <p className="hint" data-testid="candidate-order">
          Candidates are in a random order for you, so position does not bias the count.
        </p>
      ) : null}
      <p className="hint" data-testid="electorate-frozen">
        Who can vote was fixed when this round opened; changes to members apply from the next round.
      </p>
      {conflict ? (
        <div className="notice notice--problem" role="alert" data-testid="ballot-conflict">
          <p className="notice__title">This ballot was changed elsewhere</p>
          <p>{conflict.message}</p>
          <p>The ballot as saved now:</p>
          <BallotSummary round={round} ballot={conflict.saved.mine.ballot} />
          <p>Your changes are still in the form below.</p>
          <button
            type="button"
            className="button--secondary"
            onClick={() => {
              setDraft(initialDraft(round.settings, round.candidates, conflict.saved.mine.ballot));
              setReasons(conflict.saved.mine.ballot?.reasons ?? {});
              setSaved(conflict.saved.mine.hasVoted ? 'saved' : 'none');
              setConflict(null);
            }}
          >
            Use the saved ballot instead
          </button>
        </div>
      ) : null}
      {previous ? (
        <p className="hint" data-testid="delphi-hint">
          This is a follow-up round: beside each candidate is how the group voted last round. {farFromGroupWords} Where
          your mark is far, you can say why in one line; the group sees your reason without your name in the next round.
        </p>
      ) : null}
      <DelphiReasonsContext.Provider value={delphi}>
        {draft.method === 'dots' ? (
          <DotsBallotFields {...fieldProps} draft={draft} onChange={(next: DotsBallot) => handleChange(next)} />
        ) : null}
        {draft.method === 'scores' ? (
          <ScoresBallotFields {...fieldProps} draft={draft} onChange={handleChange} />
        ) : null}
        {draft.method === 'ranking' ? (
          <RankingBallotFields {...fieldProps} draft={draft} onChange={(next: RankingBallot) => handleChange(next)} />
        ) : null}
        {draft.method === 'matrix' ? (
          <MatrixBallotFields {...fieldProps} draft={draft} onChange={handleChange} />
        ) : null}
      </DelphiReasonsContext.Provider>
      <div role="status" className="ballot-status" data-testid="ballot-status">
        {saved === 'saved' ? (
          <div className="notice notice--success">
            <p className="notice__title">Your vote is saved</p>
            <p>
              {perOrganisation ? 'Your organisation’s vote is counted.' : 'It is counted.'} You can change it until
              voting closes.
            </p>
          </div>
        ) : null}
        {saved === 'saved' && receipt ? <BallotReceipt receipt={receipt} perOrganisation={perOrganisation} /> : null}
        {saved === 'changed' ? (
          <p className="notice notice--info">You have unsaved changes. Save them to change your vote.</p>
        ) : null}
      </div>
      <button type="submit" disabled={sending}>
        {sending ? 'Saving your vote…' : saved === 'none' ? 'Save my vote' : 'Save changes to my vote'}
      </button>
    </form>
  );
}
