import type { Sharing } from '../../../shared/schemas/networks.ts';
import { neverShared, sharingOptions } from './sharingWords.ts';

interface SharingFieldsProps {
  /** Prefix for the checkboxes' ids, unique on the page. */
  id: string;
  legend: string;
  sharing: Sharing;
  disabled?: boolean;
  onChange: (sharing: Sharing) => void;
}

/** The five things a partnership may share with a network, as checkboxes each with a one-line explanation. */
export function SharingFields({ id, legend, sharing, disabled = false, onChange }: SharingFieldsProps) {
  return (
    <fieldset className="fieldset network-sharing" data-testid="sharing-fields">
      <legend className="fieldset__legend">{legend}</legend>
      {sharingOptions.map((option) => {
        const inputId = `${id}-${option.key}`;
        return (
          <div className="field" key={option.key}>
            <div className="checkbox">
              <input
                type="checkbox"
                id={inputId}
                checked={sharing[option.key]}
                disabled={disabled}
                aria-describedby={`${inputId}-hint`}
                onChange={(event) => onChange({ ...sharing, [option.key]: event.currentTarget.checked })}
              />
              <label htmlFor={inputId}>{option.label}</label>
            </div>
            <div id={`${inputId}-hint`} className="hint choice-hint">
              {option.explanation}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** What no network ever sees, whatever is ticked. */
export function NeverSharedNote() {
  return (
    <div className="notice notice--info" data-testid="never-shared">
      <p className="notice__title">Never shared with any network</p>
      <ul>
        {neverShared.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
