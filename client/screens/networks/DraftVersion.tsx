import { useEffect, useRef, useState } from 'react';
import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import { networkLimits, type TemplateChangeDraft, type TemplateVersion } from '../../../shared/schemas/networks.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { publishTemplateVersion } from '../../api/networks.ts';
import { DraftChangeCard } from './DraftChangeCard.tsx';
import { AddMetricForm, AddOutcomeForm, RewordForm } from './DraftChangeForms.tsx';
import {
  checkDraft,
  draftProblems,
  emptyDraft,
  newDraftKey,
  publishRequestFromDraft,
  type DraftProblems,
} from './templateDraft.ts';
import { useTemplateDraft } from './useTemplateDraft.ts';

const noProblems: DraftProblems = { byChange: new Map(), general: [] };

interface DraftVersionProps {
  networkId: string;
  template: NetworkTemplate;
  nextVersion: number;
  onPublished: (version: TemplateVersion) => void;
}

/**
 * The coordinator's draft of the next version: the changes so far (promoted candidates among them), forms to add
 * more, a note, and publishing. A refused change is marked where it is; the draft stays as it was.
 */
export function DraftVersion({ networkId, template, nextVersion, onPublished }: DraftVersionProps) {
  const { draft, update } = useTemplateDraft(networkId);
  const [problems, setProblems] = useState<DraftProblems>(noProblems);
  const [sending, setSending] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [added, setAdded] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasProblems = problems.general.length > 0 || problems.byChange.size > 0;
  const changeId = (index: number) => `draft-change-${index + 1}`;

  useEffect(() => {
    if (hasProblems) summaryRef.current?.focus();
  }, [problems, hasProblems]);

  const handleAdd = (change: TemplateChangeDraft): void => {
    update((current) => ({
      ...current,
      changes: [...current.changes, { key: newDraftKey(), change, sourceEntities: [] }],
    }));
    setFormKey((key) => key + 1);
    setAdded(`Added to the draft: change ${draft.changes.length + 1}.`);
    setProblems(noProblems);
  };

  const handlePublish = (): void => {
    if (sending) return;
    const checked = checkDraft(draft);
    if (checked.general.length > 0 || checked.byChange.size > 0) {
      setProblems(checked);
      return;
    }
    setProblems(noProblems);
    setSending(true);
    publishTemplateVersion(networkId, publishRequestFromDraft(draft)).then(
      (version) => {
        setSending(false);
        update(() => emptyDraft());
        onPublished(version);
      },
      (error: unknown) => {
        setSending(false);
        setProblems(
          error instanceof ApiError && error.issues.length > 0
            ? draftProblems(error.issues)
            : { byChange: new Map(), general: [messageFor(error)] },
        );
      },
    );
  };

  return (
    <section className="section panel network-draft" aria-labelledby="draft-heading" data-testid="draft-version">
      <h2 id="draft-heading" tabIndex={-1}>
        Draft of version {nextVersion}
      </h2>
      <p className="hint">
        Kept in this browser tab until you publish it. Places see each change and adopt or decline it one by one.
      </p>
      {hasProblems ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="error-summary">
          <h3 className="error-summary__title">There is a problem</h3>
          <ul className="error-summary__list">
            {problems.general.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {[...problems.byChange.entries()].map(([index, messages]) => (
              <li key={index}>
                <a
                  href={`#${changeId(index)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(changeId(index))?.focus();
                  }}
                >
                  Change {index + 1}: {messages.join('. ')}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft.changes.length === 0 ? (
        <p>No changes yet. Add some below, or promote candidates from the Common core page.</p>
      ) : (
        <ol className="network-draft__changes">
          {draft.changes.map((draftChange, index) => (
            <DraftChangeCard
              key={draftChange.key}
              id={changeId(index)}
              position={index + 1}
              draftChange={draftChange}
              template={template}
              problems={problems.byChange.get(index) ?? []}
              onChange={(change) =>
                update((current) => ({
                  ...current,
                  changes: current.changes.map((c) => (c.key === draftChange.key ? { ...c, change } : c)),
                }))
              }
              onRemove={() => {
                update((current) => ({
                  ...current,
                  changes: current.changes.filter((c) => c.key !== draftChange.key),
                }));
                // Positions move up after a removal; old problems would point at the wrong change.
                setProblems(noProblems);
                setAdded(`Change ${index + 1} removed from the draft.`);
              }}
            />
          ))}
        </ol>
      )}
      <p className="status-message" role="status">
        {added}
      </p>
      <details className="network-draft__add">
        <summary>Add a metric</summary>
        <AddMetricForm key={`metric-${formKey}`} template={template} onAdd={handleAdd} />
      </details>
      <details className="network-draft__add">
        <summary>Reword an item</summary>
        <RewordForm key={`reword-${formKey}`} template={template} onAdd={handleAdd} />
      </details>
      <details className="network-draft__add">
        <summary>Add an outcome</summary>
        <AddOutcomeForm key={`outcome-${formKey}`} onAdd={handleAdd} />
      </details>
      <div className="field">
        <label htmlFor="draft-note">Note to the places (optional)</label>
        <div className="hint" id="draft-note-hint">
          Why these changes: places read it before they adopt or decline.
        </div>
        <textarea
          id="draft-note"
          rows={3}
          maxLength={networkLimits.note}
          aria-describedby="draft-note-hint"
          value={draft.note}
          onChange={(event) => {
            const note = event.currentTarget.value;
            update((current) => ({ ...current, note }));
          }}
        />
      </div>
      <button type="button" disabled={sending} onClick={handlePublish} data-testid="publish-version">
        {sending ? 'Publishing…' : `Publish version ${nextVersion}`}
      </button>
    </section>
  );
}
