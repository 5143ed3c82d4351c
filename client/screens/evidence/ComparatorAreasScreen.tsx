import { useCallback, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { maxComparatorAreas, type ComparatorAreas } from '../../../shared/schemas/comparatorAreas.ts';
import { englandAreaCode } from '../../../shared/schemas/observations.ts';
import { AreaCodeSchema } from '../../../shared/schemas/partnerships.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { fetchComparatorAreas, saveComparatorAreas } from '../../evidence/evidenceApi.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { errorsFromFailure, type FormError } from '../../forms/validate.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import '../../evidence/comparators.css';

/** Choose the areas the partnership compares itself with: its statistical neighbours, or any areas it names. */
export function ComparatorAreasScreen() {
  const { partnership } = usePartnership();
  const load = useCallback((signal: AbortSignal) => fetchComparatorAreas(partnership.id, signal), [partnership.id]);
  const comparators = useApiData(load);
  return (
    <PartnershipPage title="Comparator areas">
      <p className="back-link-wrapper">
        <Link className="back-link" to={evidencePaths(partnership.id).evidence}>
          All evidence
        </Link>
      </p>
      <p className="lead">
        Areas to compare {partnership.areaName} with besides its region and England — its statistical neighbours, or any
        areas you choose. Each metric then shows where {partnership.areaName} ranks among them, their range, and a chart
        with a table.
      </p>
      <p className="notice notice--info">
        A change applies to the next Fingertips “all data” import: it keeps the rows of the areas chosen then. Rows
        already imported stay as they are. Export the data for all areas of your area type so the file holds them.
      </p>
      {comparators.status === 'loading' ? (
        <p className="loading" role="status">
          Loading the comparator areas…
        </p>
      ) : comparators.status === 'failed' ? (
        <LoadFailure what="the comparator areas" error={comparators.error} onRetry={comparators.reload} />
      ) : (
        <ComparatorAreasForm saved={comparators.data} />
      )}
    </PartnershipPage>
  );
}

const fields = ['areaCodes', 'seen', 'typed'] as const;

function ComparatorAreasForm({ saved }: { saved: ComparatorAreas }) {
  const { partnership } = usePartnership();
  const { canEdit, readOnlyReason } = useWorkspaceDoc();
  const formId = useId();
  const fieldId = (field: string) => `${formId}-${field}`;
  const [current, setCurrent] = useState(saved);
  const [codes, setCodes] = useState<string[]>(saved.areaCodes);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sending, setSending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [savedNow, setSavedNow] = useState(false);
  // The fields are uncontrolled; they are read when a button is pressed.
  const element = <T extends HTMLElement>(field: string) => document.getElementById(fieldId(field)) as T | null;

  const names = new Map([...current.seen, ...current.areas].map((area) => [area.code, area.name]));
  const nameOf = (code: string) => {
    const name = names.get(code);
    return name && name !== code ? `${name} (${code})` : code;
  };
  const offered = current.seen.filter((area) => !codes.includes(area.code) && area.code !== partnership.areaCode);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const changed = codes.join() !== current.areaCodes.join();

  const add = (code: string, field: 'seen' | 'typed') => {
    const parsed = AreaCodeSchema.safeParse(code);
    const problem = parsed.success
      ? additionProblem(parsed.data, { ownArea: partnership, chosen: codes, nameOf })
      : (parsed.error.issues[0]?.message ?? 'Enter an ONS area code like E09000024');
    if (problem !== null || !parsed.success) {
      setErrors([{ field, message: problem ?? 'Enter an ONS area code like E09000024' }]);
      return false;
    }
    setErrors([]);
    setSavedNow(false);
    setCodes([...codes, parsed.data]);
    setAnnouncement(`Added ${nameOf(parsed.data)}. Save to keep the change.`);
    return true;
  };
  const handleAddSeen = () => {
    const select = element<HTMLSelectElement>('seen');
    const code = select?.value ?? '';
    if (code === '') {
      setErrors([{ field: 'seen', message: 'Choose an area from the list' }]);
      select?.focus();
      return;
    }
    if (add(code, 'seen') && select) select.value = '';
  };
  const handleAddTyped = () => {
    const input = element<HTMLInputElement>('typed');
    if (input && add(input.value, 'typed')) input.value = '';
    else input?.focus();
  };
  const handleRemove = (code: string) => {
    setSavedNow(false);
    setCodes(codes.filter((candidate) => candidate !== code));
    setAnnouncement(`Removed ${nameOf(code)}. Save to keep the change.`);
    // The button pressed is gone: keep keyboard focus in the list rather than losing it to the page.
    requestAnimationFrame(() => element<HTMLElement>('areaCodes')?.focus());
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setErrors([]);
    saveComparatorAreas(partnership.id, codes).then(
      (answer) => {
        setSending(false);
        setCurrent(answer);
        setCodes(answer.areaCodes);
        setSavedNow(true);
      },
      (error: unknown) => {
        setSending(false);
        setErrors(errorsFromFailure(error, fields));
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby={`${formId}-title`}>
      <ErrorSummary errors={errors} fieldId={fieldId} />
      {savedNow ? (
        <SuccessNotice testId="comparators-saved">
          <p>
            {codes.length === 0
              ? 'No comparator areas are chosen.'
              : `${codes.length} comparator ${codes.length === 1 ? 'area' : 'areas'} saved.`}{' '}
            The next Fingertips import keeps their rows.
          </p>
        </SuccessNotice>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <h2 id={`${formId}-title`}>Chosen areas</h2>
      {codes.length === 0 ? (
        <p id={fieldId('areaCodes')} tabIndex={-1}>
          None yet: metrics are compared with the region and England only.
        </p>
      ) : (
        <ol className="comparator-list" id={fieldId('areaCodes')} tabIndex={-1}>
          {codes.map((code) => (
            <li key={code}>
              <span>{nameOf(code)}</span>{' '}
              {canEdit ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => handleRemove(code)}
                  aria-label={`Remove ${nameOf(code)}`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {!canEdit ? (
        <p className="notice notice--info">{readOnlyReason}</p>
      ) : (
        <>
          <h2>Add an area</h2>
          <p className="hint">
            Up to {maxComparatorAreas} areas. For statistical neighbours, use a published set (for example the CIPFA
            nearest neighbours or the Department for Education’s statistical neighbours for your authority) and enter
            their ONS codes.
          </p>
          {offered.length > 0 ? (
            <div className="inline-fields">
              <SelectField
                id={fieldId('seen')}
                name="seen"
                label="An area your imports have included"
                error={errorFor('seen')}
                defaultValue=""
                options={[
                  { value: '', label: 'Choose an area' },
                  ...offered.map((area) => ({ value: area.code, label: nameOf(area.code) })),
                ]}
              />
              <button type="button" className="button button--secondary" onClick={handleAddSeen}>
                Add this area
              </button>
            </div>
          ) : null}
          <div className="inline-fields">
            <TextField
              id={fieldId('typed')}
              name="typed"
              label="Or type an ONS area code"
              hint="For example E09000029 (Sutton)."
              width="short"
              autoComplete="off"
              spellCheck={false}
              error={errorFor('typed')}
              onKeyDown={(event) => {
                // Enter adds the code rather than saving the whole form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  handleAddTyped();
                }
              }}
            />
            <button type="button" className="button button--secondary" onClick={handleAddTyped}>
              Add code
            </button>
          </div>
          <div className="button-group">
            <button type="submit" className="button" disabled={sending}>
              {sending ? 'Saving…' : 'Save comparator areas'}
            </button>
            {changed ? <span className="hint">Not saved yet.</span> : null}
          </div>
        </>
      )}
    </form>
  );
}

/** Why a well-formed code cannot be added (the server refuses the same), or null when it can. */
function additionProblem(
  code: string,
  {
    ownArea,
    chosen,
    nameOf,
  }: { ownArea: { areaCode: string; areaName: string }; chosen: readonly string[]; nameOf: (code: string) => string },
): string | null {
  if (code === ownArea.areaCode) return `${code} is ${ownArea.areaName}’s own area`;
  if (code === englandAreaCode) return 'England is already every metric’s comparator';
  if (code.startsWith('E12')) return `${code} is a region: choose local areas as comparators`;
  if (chosen.includes(code)) return `${nameOf(code)} is already chosen`;
  if (chosen.length >= maxComparatorAreas) return `Choose at most ${maxComparatorAreas} comparator areas`;
  return null;
}
