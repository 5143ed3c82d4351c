import type * as Y from 'yjs';
import { useSharedTextField } from '../sync/useSharedTextField.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { FieldPresence } from './FieldPresence.tsx';

interface SharedTextFieldProps {
  id: string;
  label: string;
  /** The shared text it edits; null while there is none (the field shows empty and read-only). */
  text: Y.Text | null;
  maxLength: number;
  /** What this person is viewing (the page the field is on), published with what they edit. */
  viewing: string;
  /** This field's presence key, so others see who is typing in it. */
  presenceKey: string;
  multiline?: boolean;
  /** How many lines a multiline field shows. */
  rows?: number;
  hint?: string;
  /** Hide the label visually (a table cell or list item already says what the field is). */
  labelHidden?: boolean;
  testId?: string;
}

/** A text field everyone on the page types into at once; it saves as it is typed and shows who else is in it. */
export function SharedTextField({
  id,
  label,
  text,
  maxLength,
  viewing,
  presenceKey,
  multiline = false,
  rows = 4,
  hint,
  labelHidden = false,
  testId,
}: SharedTextFieldProps) {
  const { doc, people, canEdit, setActivity } = useWorkspaceDoc();
  const inputRef = useSharedTextField<HTMLInputElement>(multiline ? null : text, maxLength);
  const areaRef = useSharedTextField<HTMLTextAreaElement>(multiline ? text : null, maxLength);
  const readOnly = !canEdit || text === null;
  const hintId = `${id}-hint`;
  const common = {
    id,
    maxLength,
    readOnly,
    'aria-describedby': hint ? hintId : undefined,
    'data-testid': testId,
    onFocus: () => (readOnly ? undefined : setActivity({ viewing, editing: presenceKey })),
    onBlur: () => setActivity({ viewing, editing: undefined }),
  };
  return (
    <div className="field">
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      <FieldPresence people={people} field={presenceKey} selfClientId={doc?.clientID ?? null} />
      {multiline ? <textarea ref={areaRef} rows={rows} {...common} /> : <input ref={inputRef} {...common} />}
    </div>
  );
}
