import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  issueToImportError,
  maxFrameworkUploadBytes,
  type FrameworkImportMode,
  type FrameworkImportResult,
} from '../../../../shared/schemas/frameworkImport.ts';
import type { FrameworkImportError } from '../../../../shared/schemas/framework.ts';
import { ApiError, messageFor } from '../../../api/ApiError.ts';
import { frameworkFileFormat, importFramework } from '../../../api/framework.ts';
import { FieldError } from '../../../forms/FieldError.tsx';
import { ImportErrors, ImportLosses, ImportSummary, removedCount } from './ImportReport.tsx';

/** What someone types to confirm a replace that deletes items: a word, not a click, because it cannot be missed. */
const replaceConfirmation = 'replace';

type Step =
  | { kind: 'choosing'; fieldError: string | null }
  | { kind: 'checking' }
  | { kind: 'checked'; file: File; mode: FrameworkImportMode; result: FrameworkImportResult }
  | { kind: 'rejected'; message: string; errors: FrameworkImportError[] }
  | { kind: 'applying'; file: File; mode: FrameworkImportMode; result: FrameworkImportResult }
  | { kind: 'applied'; result: FrameworkImportResult };

const modes: { value: FrameworkImportMode; label: string; hint: string }[] = [
  {
    value: 'merge',
    label: 'Add and update',
    hint: 'What the file lists is added, or updated to match it. Nothing else in the framework changes.',
  },
  {
    value: 'replace',
    label: 'Replace the framework with the file',
    hint: 'Also deletes what the file leaves out. Deleted items can be restored from “Recently deleted”.',
  },
];

/**
 * What a checked file will do, and the button that does it. A replace that deletes anything says in red what goes with
 * it and is applied only after the word is typed; each new check is a new preview, so the word is typed again.
 */
function ImportPreview({
  result,
  applying,
  confirmationId,
  onApply,
}: {
  result: FrameworkImportResult;
  applying: boolean;
  confirmationId: string;
  onApply: () => void;
}) {
  const [confirmation, setConfirmation] = useState('');
  const confirming = needsConfirmation(result);
  const confirmed = !confirming || confirmation.trim().toLowerCase() === replaceConfirmation;
  return (
    <div className="panel" data-testid="import-preview">
      <h3>The file can be imported</h3>
      <p>{result.rows} rows checked. Nothing has changed yet. This is what importing it will do:</p>
      <ImportSummary result={result} />
      <ImportLosses result={result} />
      {confirming ? (
        <div className="field">
          <label htmlFor={confirmationId}>
            To apply this replace, type <strong>{replaceConfirmation}</strong>
          </label>
          <input
            id={confirmationId}
            className="input"
            value={confirmation}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        </div>
      ) : null}
      <button
        type="button"
        className={confirming ? 'button--warning' : undefined}
        disabled={applying || !confirmed}
        onClick={onApply}
      >
        {applying ? 'Importing…' : confirming ? 'Replace the framework' : 'Apply import'}
      </button>
    </div>
  );
}

/** A replace that deletes anything is applied only after the word is typed. */
function needsConfirmation(result: FrameworkImportResult): boolean {
  return result.mode === 'replace' && removedCount(result.summary) > 0;
}

/**
 * Import in two steps: check the file (nothing changes; a summary or a row-by-row list of problems), then apply it.
 * An import is all or nothing, and reaches everyone editing at once.
 */
export function ImportForm({ partnershipId, overviewHref }: { partnershipId: string; overviewHref: string }) {
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'choosing', fieldError: null });
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const showResult = (next: Step): void => {
    setStep(next);
    // The outcome of a check appears below the form: move there so it is read out and seen.
    requestAnimationFrame(() => resultRef.current?.focus());
  };
  const failure = (error: unknown): Step => {
    if (error instanceof ApiError && error.code === 'invalid_import') {
      return { kind: 'rejected', message: error.message, errors: error.issues.map(issueToImportError) };
    }
    return { kind: 'rejected', message: messageFor(error), errors: [] };
  };

  const handleCheck = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const mode = (new FormData(event.currentTarget).get('mode') as FrameworkImportMode | null) ?? 'merge';
    const format = file ? frameworkFileFormat(file) : null;
    if (!file) return setStep({ kind: 'choosing', fieldError: 'Choose the spreadsheet file to import' });
    if (!format) return setStep({ kind: 'choosing', fieldError: 'Choose a CSV or XLSX file' });
    if (file.size > maxFrameworkUploadBytes) {
      return setStep({ kind: 'choosing', fieldError: 'The file is larger than 5 MB: remove rows you do not need' });
    }
    setStep({ kind: 'checking' });
    try {
      const result = await importFramework(partnershipId, file, format, { mode, dryRun: true });
      showResult({ kind: 'checked', file, mode, result });
    } catch (error) {
      showResult(failure(error));
    }
  };
  const handleApply = async (file: File, mode: FrameworkImportMode, checked: FrameworkImportResult) => {
    setStep({ kind: 'applying', file, mode, result: checked });
    try {
      const result = await importFramework(partnershipId, file, frameworkFileFormat(file)!, { mode, dryRun: false });
      showResult({ kind: 'applied', result });
    } catch (error) {
      showResult(failure(error));
    }
  };

  const fieldError = step.kind === 'choosing' ? step.fieldError : null;
  return (
    <>
      <form onSubmit={(event) => void handleCheck(event)} noValidate data-testid="import-form">
        <div className={fieldError ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-file`}>Spreadsheet file</label>
          <div id={`${id}-hint`} className="hint">
            CSV or XLSX, up to 5 MB, with the columns of the download. Rows with an id update that item; rows without
            one add new items.
          </div>
          <FieldError id={`${id}-error`} message={fieldError} />
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
            aria-invalid={fieldError ? true : undefined}
            onChange={() => setStep({ kind: 'choosing', fieldError: null })}
            className="file-input"
          />
        </div>
        <fieldset className="fieldset field">
          <legend className="fieldset__legend">What should the import do?</legend>
          <div className="radios">
            {modes.map((mode) => (
              <div className="radio" key={mode.value}>
                <input
                  type="radio"
                  id={`${id}-mode-${mode.value}`}
                  name="mode"
                  value={mode.value}
                  defaultChecked={mode.value === 'merge'}
                  aria-describedby={`${id}-mode-${mode.value}-hint`}
                  onChange={() => setStep({ kind: 'choosing', fieldError: null })}
                />
                <label htmlFor={`${id}-mode-${mode.value}`}>{mode.label}</label>
                <div id={`${id}-mode-${mode.value}-hint`} className="hint choice-hint">
                  {mode.hint}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button--secondary" disabled={step.kind === 'checking'}>
          {step.kind === 'checking' ? 'Checking the file…' : 'Check the file'}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} className="import-result" aria-live="polite">
        {step.kind === 'checked' || step.kind === 'applying' ? (
          <ImportPreview
            result={step.result}
            applying={step.kind === 'applying'}
            confirmationId={`${id}-confirm`}
            onApply={() => void handleApply(step.file, step.mode, step.result)}
          />
        ) : null}
        {step.kind === 'rejected' ? <ImportErrors errors={step.errors} message={step.message} /> : null}
        {step.kind === 'applied' ? (
          <div className="notice notice--success" data-testid="import-applied">
            <p className="notice__title">Success</p>
            <p>The framework has been imported. Everyone with it open sees the changes now.</p>
            <ImportSummary result={step.result} />
            <p>
              <Link to={overviewHref}>Go to the framework</Link>
            </p>
          </div>
        ) : null}
      </div>
    </>
  );
}
