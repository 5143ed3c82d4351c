import { useState } from 'react';
import { networkTemplateAt, type NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import type { TemplateUpdate, TemplateUpdates } from '../../../shared/schemas/networks.ts';
import { messageFor } from '../../api/ApiError.ts';
import { decideTemplateUpdate } from '../../api/networks.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { StatusMessage } from '../meetings/StatusMessage.tsx';
import { changeWords } from './changeWords.ts';

const choiceWords = { pending: 'Not decided yet', adopted: 'Adopted', declined: 'Declined' } as const;
const choiceTags = { pending: 'tag', adopted: 'tag network-tag--adopted', declined: 'tag tag--grey' } as const;

interface TemplateUpdatesSectionProps {
  partnershipId: string;
  updates: TemplateUpdates;
  canManage: boolean;
  /** After a choice: the updates are fetched again. */
  onDecided: () => void;
}

/**
 * Each network's template versions as this partnership sees them: every change in words, its choice so far, why it
 * cannot be adopted as things are, and Adopt or Decline for facilitators. Never forced: nothing changes until chosen.
 */
export function TemplateUpdatesSection({ partnershipId, updates, canManage, onDecided }: TemplateUpdatesSectionProps) {
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<{ changeId: string; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const handleDecide = (update: TemplateUpdate, choice: 'adopt' | 'decline', words: string): void => {
    setBusy(update.change.id);
    setProblem(null);
    decideTemplateUpdate(partnershipId, update.change.id, choice).then(
      () => {
        setBusy(null);
        setStatus(`${choice === 'adopt' ? 'Adopted' : 'Declined'}: ${words}.`);
        onDecided();
      },
      (error: unknown) => {
        setBusy(null);
        setProblem({ changeId: update.change.id, message: messageFor(error) });
      },
    );
  };

  return (
    <section className="section" aria-labelledby="template-updates-heading">
      <h2 id="template-updates-heading">Template updates</h2>
      <StatusMessage message={status} testId="template-updates-status" />
      {!canManage ? (
        <p className="notice notice--info">
          You can see each change and what was chosen. Only the partnership’s facilitators can adopt or decline them.
        </p>
      ) : null}
      {updates.networks.length === 0 || updates.networks.every((n) => n.versions.length === 0) ? (
        <p>No network this partnership belongs to has published a template version yet.</p>
      ) : null}
      {updates.networks
        .filter((network) => network.versions.length > 0)
        .map((network) => {
          // Names the indicators and outcomes a change refers to, as the network's template has them.
          const template = networkTemplateAt(
            network.versions.map((v) => ({ version: v.version, changes: v.updates.map((u) => u.change) })),
          );
          return (
            <div key={network.networkId} className="network-updates" data-testid="template-updates-network">
              <h3>
                {network.networkName}{' '}
                <span className="count-badge">
                  {network.pending === 0 ? 'Nothing to decide' : `${network.pending} to decide`}
                </span>
              </h3>
              {[...network.versions]
                .sort((a, b) => b.version - a.version)
                .map((version) => (
                  <div key={version.version} className="network-updates__version" data-testid="template-update-version">
                    <h4>
                      Network template v{version.version}: {version.summary}
                    </h4>
                    <p className="muted">Published {formatDateTime(version.publishedAt)}</p>
                    {version.note ? <p>{version.note}</p> : null}
                    <ul className="change-list">
                      {version.updates.map((update) => (
                        <TemplateUpdateItem
                          key={update.change.id}
                          update={update}
                          template={template}
                          canManage={canManage}
                          busy={busy !== null}
                          problem={problem?.changeId === update.change.id ? problem.message : null}
                          onDecide={(choice, words) => handleDecide(update, choice, words)}
                        />
                      ))}
                    </ul>
                  </div>
                ))}
            </div>
          );
        })}
    </section>
  );
}

interface TemplateUpdateItemProps {
  update: TemplateUpdate;
  template: NetworkTemplate;
  canManage: boolean;
  /** Whether a choice on any change is on its way: one at a time. */
  busy: boolean;
  problem: string | null;
  onDecide: (choice: 'adopt' | 'decline', words: string) => void;
}

/** One change of a version: its choice so far, why it cannot be adopted, and Adopt or Decline while undecided. */
function TemplateUpdateItem({ update, template, canManage, busy, problem, onDecide }: TemplateUpdateItemProps) {
  const words = changeWords(update.change, template);
  return (
    <li className="change" data-testid="template-update">
      <p className="change__what">
        <span className={choiceTags[update.choice]} data-testid="template-update-choice">
          {choiceWords[update.choice]}
        </span>{' '}
        {words}
      </p>
      {update.decidedAt ? (
        <p className="change__who">
          {choiceWords[update.choice]} on {formatDate(update.decidedAt)}
          {update.decidedBy ? ` by ${update.decidedBy}` : ''}
        </p>
      ) : null}
      {update.problem ? (
        <p className="network-updates__problem">
          <strong>Cannot be adopted as things are:</strong> {update.problem}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      {canManage && update.choice === 'pending' ? (
        <div className="button-group">
          <button
            type="button"
            className="button--small"
            disabled={busy || update.problem !== null}
            onClick={() => onDecide('adopt', words)}
          >
            Adopt<span className="visually-hidden">: {words}</span>
          </button>
          <button
            type="button"
            className="button--secondary button--small"
            disabled={busy}
            onClick={() => onDecide('decline', words)}
          >
            Decline<span className="visually-hidden">: {words}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}
