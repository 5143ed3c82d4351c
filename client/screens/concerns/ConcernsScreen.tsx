import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { addConcern, concernKindLabels, restoreConcern } from '../../../shared/model/concerns/index.ts';
import { metricContexts } from '../../../shared/model/dataMapping/index.ts';
import { concernKindKeys, type Concern, type ConcernKind } from '../../../shared/schemas/concerns.ts';
import { ConcernCard } from '../../concerns/ConcernCard.tsx';
import { useConcerns } from '../../concerns/useConcerns.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { PresenceBar } from '../../components/PresenceBar.tsx';
import { FieldError } from '../../forms/FieldError.tsx';
import { useFramework } from '../../needsAssessment/useFramework.ts';
import { BallotsProjectionProvider } from '../../prioritisation/BallotsProjectionProvider.tsx';
import { useBallotsProjection } from '../../prioritisation/BallotsProjectionContext.ts';
import { useMe } from '../../session/useSession.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import '../../evidence/evidence.css';

/**
 * Issues, cohorts and localities of concern, co-edited, each linked to outcomes and metrics with its evidence, and
 * marked when the board agreed it as a priority (live from the ballots projection).
 */
export function ConcernsScreen() {
  const { partnership } = usePartnership();
  return (
    <BallotsProjectionProvider partnershipId={partnership.id}>
      <ConcernsPage />
    </BallotsProjectionProvider>
  );
}

function ConcernsPage() {
  const { doc, canEdit, readOnlyReason, people, setActivity } = useWorkspaceDoc();
  const me = useMe();
  const concerns = useConcerns(doc, true);
  const framework = useFramework(doc);
  const { priorityOf } = useBallotsProjection();
  const contexts = useMemo(() => (framework ? metricContexts(framework) : []), [framework]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ConcernKind>('issue');
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Concern | null>(null);
  useEffect(() => setActivity({ viewing: 'concerns' }), [setActivity]);

  if (!doc || !framework) return <LoadingPage />;
  const live = concerns.filter((concern) => concern.deletedAt === null);
  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Enter a name for the concern');
      return;
    }
    setError(null);
    const id = addConcern(doc, { name: name.trim(), kind }, me.user.displayName);
    setName('');
    requestAnimationFrame(() => document.getElementById(`concern-${id}-name`)?.focus());
  };
  return (
    <PartnershipPage title="Concerns">
      <PresenceBar people={people} selfClientId={doc.clientID} />
      <p className="lead">
        Issues, cohorts and localities the partnership is worried about, with the evidence behind them. Each is shown on
        the outcomes it concerns, and can be put forward as a priority.
      </p>
      {!canEdit && readOnlyReason ? <p className="notice notice--info">{readOnlyReason}</p> : null}
      {removed ? (
        <p className="notice notice--success" role="status">
          Removed “{removed.name || 'Untitled concern'}”.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              restoreConcern(doc, removed.id);
              setRemoved(null);
            }}
          >
            Undo
          </button>
        </p>
      ) : null}
      {canEdit ? (
        <form className="card concern-add" onSubmit={handleAdd} noValidate aria-labelledby="add-concern-heading">
          <h2 id="add-concern-heading">Add a concern</h2>
          <div className={error ? 'field field--error' : 'field'}>
            <label htmlFor="new-concern-name">Name</label>
            <FieldError id="new-concern-name-error" message={error} />
            <input
              id="new-concern-name"
              type="text"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'new-concern-name-error' : undefined}
            />
          </div>
          <fieldset className="fieldset">
            <legend className="fieldset__legend">Kind</legend>
            <div className="radios radios--inline">
              {concernKindKeys.map((key) => (
                <div className="radio" key={key}>
                  <input
                    type="radio"
                    id={`new-concern-kind-${key}`}
                    name="new-concern-kind"
                    checked={kind === key}
                    onChange={() => setKind(key)}
                  />
                  <label htmlFor={`new-concern-kind-${key}`}>{concernKindLabels[key]}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button">
            Add concern
          </button>
        </form>
      ) : null}
      <section className="section" aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">
          {live.length} {live.length === 1 ? 'concern' : 'concerns'}
        </h2>
        {live.map((concern) => (
          <ConcernCard
            key={concern.id}
            doc={doc}
            concern={concern}
            priority={priorityOf('concern', concern.id)}
            outcomes={framework.outcomes}
            metrics={contexts}
            canEdit={canEdit}
            myName={me.user.displayName}
            onRemoved={setRemoved}
          />
        ))}
      </section>
    </PartnershipPage>
  );
}
