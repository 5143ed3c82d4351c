import { useId, useState } from 'react';
import { updateAction } from '../../../shared/model/theoryOfChange/index.ts';
import { BudgetSchema, CalendarDateSchema, type OfferAction } from '../../../shared/schemas/theoryOfChange.ts';
import { FieldError } from '../../forms/FieldError.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';

/** Reads "£12,500.50", "12500" or "12 500" as pounds; null for an empty field; NaN for anything else. */
export function parsePounds(text: string): number | null {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (cleaned === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function formatPounds(pounds: number | null): string {
  return pounds === null ? '' : pounds.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** The optional budget (saved when the field is left) and contract end date, each with its own error. */
export function BudgetAndContractFields({ action }: { action: OfferAction }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const id = useId();
  const [budgetError, setBudgetError] = useState<string | undefined>(undefined);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  if (!doc) return null;

  const handleBudget = (text: string): void => {
    const pounds = parsePounds(text);
    const parsed = pounds === null ? null : BudgetSchema.safeParse(pounds);
    if (parsed && !parsed.success) {
      setBudgetError(
        Number.isNaN(pounds) ? 'Enter the budget in pounds, like 12500 or 12,500.50' : parsed.error.issues[0]!.message,
      );
      return;
    }
    setBudgetError(undefined);
    updateAction(doc, action.id, { budget: parsed ? parsed.data : null });
  };
  const handleDate = (text: string): void => {
    if (text === '') {
      setDateError(undefined);
      updateAction(doc, action.id, { contractEnd: null });
      return;
    }
    const parsed = CalendarDateSchema.safeParse(text);
    if (!parsed.success) {
      setDateError('Enter a real date, like 31 March 2027');
      return;
    }
    setDateError(undefined);
    updateAction(doc, action.id, { contractEnd: parsed.data });
  };

  return (
    <div className="toc-columns">
      <div className={budgetError ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-budget`}>Annual budget in pounds (optional)</label>
        <div id={`${id}-budget-hint`} className="hint">
          Saved when you leave the field.
        </div>
        <FieldError id={`${id}-budget-error`} message={budgetError} />
        <div className="toc-currency">
          <span aria-hidden="true">£</span>
          <input
            // Remounted when someone else changes the budget, so the field shows their value.
            key={String(action.budget)}
            id={`${id}-budget`}
            inputMode="decimal"
            defaultValue={formatPounds(action.budget)}
            readOnly={!canEdit}
            aria-invalid={budgetError ? true : undefined}
            aria-describedby={`${id}-budget-hint${budgetError ? ` ${id}-budget-error` : ''}`}
            onBlur={(event) => (canEdit ? handleBudget(event.target.value) : undefined)}
            data-testid="budget"
          />
        </div>
      </div>
      <div className={dateError ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-contract`}>Contract end date (optional)</label>
        <FieldError id={`${id}-contract-error`} message={dateError} />
        <input
          key={action.contractEnd ?? 'none'}
          id={`${id}-contract`}
          type="date"
          defaultValue={action.contractEnd ?? ''}
          readOnly={!canEdit}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? `${id}-contract-error` : undefined}
          onBlur={(event) => (canEdit ? handleDate(event.target.value) : undefined)}
        />
      </div>
    </div>
  );
}
