import { useState } from 'react';
import { useNavigate } from 'react-router';
import { domainLabel } from '../../../shared/model/framework/domains.ts';
import type { CommonCore } from '../../../shared/schemas/networks.ts';
import { StatusMessage } from '../meetings/StatusMessage.tsx';
import { placesCount } from './networkWords.ts';
import { networkPaths } from './paths.ts';
import { addCandidates, type CoreCandidate } from './templateDraft.ts';
import { useTemplateDraft } from './useTemplateDraft.ts';

const typeLabels = { outcome: 'Outcome', indicator: 'Indicator', metric: 'Metric' } as const;

/** A stable key for a candidate: the local additions it groups. */
const candidateKey = (candidate: CoreCandidate) =>
  candidate.entityIds.map((entity) => `${entity.partnershipId}/${entity.entityId}`).join(',');

interface CoreCandidatesProps {
  networkId: string;
  core: CommonCore;
  canCoordinate: boolean;
}

/**
 * Local additions that recur across places, as candidates for the core, with how similar wording is judged.
 * Coordinators tick some and add them to the draft of the next template version.
 */
export function CoreCandidates({ networkId, core, canCoordinate }: CoreCandidatesProps) {
  const navigate = useNavigate();
  const { update } = useTemplateDraft(networkId);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const placeName = new Map(core.places.map((place) => [place.partnershipId, place.name]));

  const handleToggle = (key: string, checked: boolean): void => {
    const next = new Set(ticked);
    if (checked) next.add(key);
    else next.delete(key);
    setTicked(next);
  };

  const handleAdd = (): void => {
    const chosen = core.candidates.filter((candidate) => ticked.has(candidateKey(candidate)));
    if (chosen.length === 0) {
      setStatus('Tick at least one candidate to add it to the next version.');
      return;
    }
    update((draft) => addCandidates(draft, chosen));
    const added = chosen.length === 1 ? '1 candidate was' : `${chosen.length} candidates were`;
    void navigate(networkPaths(networkId).templateVersions, {
      state: { notice: `${added} added to the draft of the next version. Check each one, then publish.` },
    });
  };

  return (
    <section className="section" aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">Candidates for the core</h2>
      <p>Local additions that several places made in similar words: each could become part of the network template.</p>
      <div className="notice notice--info" data-testid="similarity-explanation">
        <p className="notice__title">How similar wording is judged</p>
        <p>{core.similarity}</p>
      </div>
      {core.candidates.length === 0 ? (
        <p>No local addition recurs across places yet.</p>
      ) : (
        <>
          <ul className="network-candidates" data-testid="core-candidates">
            {core.candidates.map((candidate) => {
              const key = candidateKey(candidate);
              const inputId = `candidate-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
              const places = candidate.partnershipIds.length;
              const details = (
                <span className="network-candidates__meta">
                  {typeLabels[candidate.type]} · in {placesCount(places)}
                  {candidate.domain ? ` · ${domainLabel(candidate.domain)}` : ''}
                </span>
              );
              return (
                <li key={key} className="network-candidates__item" data-testid="core-candidate">
                  {canCoordinate ? (
                    <div className="checkbox">
                      <input
                        type="checkbox"
                        id={inputId}
                        checked={ticked.has(key)}
                        onChange={(event) => handleToggle(key, event.currentTarget.checked)}
                      />
                      <label htmlFor={inputId}>
                        <strong>{candidate.label}</strong> {details}
                      </label>
                    </div>
                  ) : (
                    <p className="network-candidates__label">
                      <strong>{candidate.label}</strong> {details}
                    </p>
                  )}
                  <details className="network-candidates__wordings">
                    <summary>
                      The wording in each place<span className="visually-hidden">: {candidate.label}</span>
                    </summary>
                    <ul>
                      {candidate.labels.map((label, index) => (
                        <li key={`${label}-${index}`}>“{label}”</li>
                      ))}
                    </ul>
                    <p className="hint">
                      Places: {candidate.partnershipIds.map((id) => placeName.get(id) ?? id).join(', ')}
                    </p>
                  </details>
                </li>
              );
            })}
          </ul>
          {canCoordinate ? (
            <>
              <button type="button" onClick={handleAdd} data-testid="add-candidates">
                Add to the next template version
              </button>
              <StatusMessage message={status} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
