import { domainLabel, levelLabel, type Framework } from '../../../../shared/model/framework/index.ts';
import { LinkTargetKindSchema, type LinkTarget } from '../../../../shared/schemas/theoryOfChange.ts';
import { FieldError } from '../../../forms/FieldError.tsx';

/** The select's value for a target: `outcome:<id>` or `indicator:<id>`. */
export function targetValue(target: LinkTarget): string {
  return `${target.kind}:${target.id}`;
}

/** Reads a select's value back into a target; null for the empty choice or anything malformed. */
export function parseTargetValue(value: string): LinkTarget | null {
  const at = value.indexOf(':');
  const kind = LinkTargetKindSchema.safeParse(value.slice(0, at));
  return at > 0 && kind.success ? { kind: kind.data, id: value.slice(at + 1) } : null;
}

interface TargetSelectProps {
  id: string;
  label: string;
  framework: Framework;
  /** Priority outcomes are marked in the list. */
  priorities: ReadonlySet<string>;
  /** Targets this action is already linked to: listed, but cannot be chosen again. */
  taken: ReadonlySet<string>;
  error?: string | undefined;
  hint?: string;
}

/**
 * Chooses an outcome, or one of the indicators under it, grouped by domain and level as the framework grid is. An
 * indicator is listed under every outcome it serves.
 */
export function TargetSelect({ id, label, framework, priorities, taken, error, hint }: TargetSelectProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <select
        id={id}
        name="target"
        defaultValue=""
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="toc-target-select"
      >
        <option value="">Choose an outcome or indicator</option>
        {framework.cells
          .filter((cell) => cell.outcomes.length > 0)
          .map((cell) => (
            <optgroup
              key={`${cell.domain}:${cell.level}`}
              label={`${domainLabel(cell.domain)} – ${levelLabel(cell.level)}`}
            >
              {cell.outcomes.flatMap((outcome) => {
                const outcomeValue = targetValue({ kind: 'outcome', id: outcome.id });
                const indicators = framework.indicators.filter((indicator) =>
                  indicator.outcomeIds.includes(outcome.id),
                );
                return [
                  <option key={outcomeValue} value={outcomeValue} disabled={taken.has(outcomeValue)}>
                    {outcome.statement || 'Untitled outcome'}
                    {priorities.has(outcome.id) ? ' (priority)' : ''}
                    {taken.has(outcomeValue) ? ' (already linked)' : ''}
                  </option>,
                  ...indicators.map((indicator) => {
                    const value = targetValue({ kind: 'indicator', id: indicator.id });
                    return (
                      <option key={`${outcome.id}/${value}`} value={value} disabled={taken.has(value)}>
                        {`\u2003Indicator: ${indicator.name || 'Untitled indicator'}`}
                        {taken.has(value) ? ' (already linked)' : ''}
                      </option>
                    );
                  }),
                ];
              })}
            </optgroup>
          ))}
      </select>
    </div>
  );
}
