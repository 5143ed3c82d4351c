import { useCallback, useId, useState, type FormEvent } from 'react';
import { normaliseReceipt, receiptHash } from '../../../shared/model/prioritisation/receipts.ts';
import { tallyRound } from '../../../shared/model/prioritisation/tally.ts';
import type { PublishedBallot, PublishedBallots as Published } from '../../../shared/schemas/ballots.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { fetchPublishedBallots } from '../../prioritisation/roundsApi.ts';
import { ballotLines, BallotSummary } from './BallotSummary.tsx';

type Check = { kind: 'none' } | { kind: 'invalid' } | { kind: 'found'; entry: PublishedBallot } | { kind: 'missing' };

/** Whether two JSON values are equal whatever the order of their keys (a recount against the published result). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return Object.is(a, b);
}

/** Runs the count on nothing but the published list, in this browser, and says whether it gives the published result. */
function recountMatches(list: Published): boolean {
  const recount = tallyRound({
    roundId: list.roundId,
    state: 'closed',
    settings: list.settings,
    candidates: list.candidates,
    ballots: list.ballots,
    turnout: list.turnout,
    quorum: list.quorum,
  });
  return sameJson(recount, list.results);
}

/**
 * A closed round's published ballots: check a receipt, recount the list, read it whole — with what a receipt
 * proves and what it does not, in plain words.
 */
export function PublishedBallots({ round }: { round: Round }) {
  const load = useCallback((signal: AbortSignal) => fetchPublishedBallots(round.id, signal), [round.id]);
  const list = useApiData(load);
  return (
    <section className="section" aria-labelledby="published-heading" data-testid="published-ballots">
      <h2 id="published-heading">Check your ballot was counted</h2>
      <p>
        Every counted ballot is published below beside the fingerprint of its receipt, with no names
        {round.anonymous ? '' : ' (organisations are shown where the results break down by them)'}, in a random order
        that says nothing about who voted when.
      </p>
      <details className="receipt-explainer">
        <summary>What a receipt proves, and what it does not</summary>
        <ul>
          <li>
            <strong>It proves</strong> that a ballot saying exactly what you cast is in the list that was counted, and,
            because anyone can recount that list, that it counted towards the result as published.
          </li>
          <li>
            <strong>It does not prove</strong> that every other ballot came from someone entitled to vote: the turnout (
            {round.turnout.voted} of {round.turnout.eligible}) and the list of who voted are the check for that.
          </li>
          <li>
            <strong>It is not secret from whoever you show it to</strong>: with your receipt, anyone can find your
            ballot in the list. Keep it to yourself.
          </li>
          <li>
            Common Ground never stored your receipt, only its fingerprint (SHA-256), so it cannot tell anyone which
            receipt was yours.
          </li>
        </ul>
      </details>
      {list.status === 'loading' ? <p role="status">Loading the published ballots…</p> : null}
      {list.status === 'failed' ? (
        <LoadFailure what="The published ballots" error={list.error} onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' ? <PublishedList round={round} list={list.data} /> : null}
    </section>
  );
}

function PublishedList({ round, list }: { round: Round; list: Published }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<Check>({ kind: 'none' });
  const [recount, setRecount] = useState<boolean | null>(null);

  const handleCheck = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (normaliseReceipt(typed) === null) {
      setCheck({ kind: 'invalid' });
      return;
    }
    void receiptHash(typed).then((hash) => {
      const entry = list.ballots.find((candidate) => candidate.receiptHash === hash);
      setCheck(entry ? { kind: 'found', entry } : { kind: 'missing' });
    });
  };

  return (
    <>
      <form className="receipt-check" onSubmit={handleCheck} noValidate data-testid="receipt-check">
        <div className={check.kind === 'invalid' ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-receipt`}>Your receipt</label>
          <div className="hint" id={`${id}-hint`}>
            32 letters and digits in groups of four, as shown when you saved your vote.
          </div>
          {check.kind === 'invalid' ? (
            <p className="field-error" id={`${id}-error`}>
              That is not a receipt: a receipt has 32 letters and digits (groups of four, dashes optional).
            </p>
          ) : null}
          <input
            id={`${id}-receipt`}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={check.kind === 'invalid'}
            aria-describedby={check.kind === 'invalid' ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setTyped(event.target.value);
              if (check.kind !== 'none') setCheck({ kind: 'none' });
            }}
          />
        </div>
        <button type="submit">Check my receipt</button>
      </form>
      <div role="status" data-testid="receipt-result">
        {check.kind === 'found' ? (
          <div className="notice notice--success">
            <p className="notice__title">Counted as cast</p>
            <p>The counted ballot with this receipt says:</p>
            <BallotSummary round={round} ballot={check.entry.ballot} />
          </div>
        ) : null}
        {check.kind === 'missing' ? (
          <div className="notice notice--problem">
            <p className="notice__title">No counted ballot has this receipt</p>
            <p>
              Check it is typed as shown. Only the receipt of the last save counts: if you (or, for one ballot per
              organisation, a colleague) changed the ballot later, the earlier receipt matches nothing. If it still does
              not match, tell the facilitator and the partnership&apos;s administrator.
            </p>
          </div>
        ) : null}
      </div>

      <h3>Recount</h3>
      <p>
        {list.ballots.length} {list.ballots.length === 1 ? 'ballot was' : 'ballots were'} counted. Fingerprint of this
        list: <code data-testid="published-digest">{list.digest.slice(0, 16)}</code> (compare it with someone else’s to
        be sure you were both shown the same list).
      </p>
      <button type="button" className="button--secondary" onClick={() => setRecount(recountMatches(list))}>
        Recount the published ballots in this browser
      </button>
      <div role="status" data-testid="recount-result">
        {recount === true ? (
          <p className="notice notice--success">
            Recounted here from the published ballots alone: the result is the same as the published one.
          </p>
        ) : null}
        {recount === false ? (
          <p className="notice notice--problem">
            The recount differs from the published result. Tell the facilitator and the administrator.
          </p>
        ) : null}
      </div>

      <details className="published-list">
        <summary>Every counted ballot ({list.ballots.length})</summary>
        <table className="table">
          <caption className="visually-hidden">Counted ballots, in the order of their receipt fingerprints</caption>
          <thead>
            <tr>
              <th scope="col">Receipt fingerprint</th>
              {list.anonymous ? null : <th scope="col">Organisation</th>}
              <th scope="col">Ballot</th>
            </tr>
          </thead>
          <tbody>
            {list.ballots.map((entry, index) => (
              <tr key={entry.receiptHash ?? `before-receipts-${index}`}>
                <td>
                  {entry.receiptHash ? (
                    <code title={entry.receiptHash}>{entry.receiptHash.slice(0, 12)}…</code>
                  ) : (
                    <span className="muted">Cast before receipts existed</span>
                  )}
                </td>
                {list.anonymous ? null : <td>{entry.organisation ?? ''}</td>}
                <td>{ballotLines(round, entry.ballot).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
