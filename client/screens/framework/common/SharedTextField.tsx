import type * as Y from 'yjs';
import { FieldPresence } from '../../../components/FieldPresence.tsx';
import { useSharedTextField } from '../../../sync/useSharedTextField.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

interface SharedTextFieldProps {
  id: string;
  label: string;
  /** The shared text it edits; null while there is none (the field shows empty and read-only). */
  text: Y.Text | null;
  maxLength: number;
  /** What this person is viewing (the outcome's page), published with what they edit. */
  viewing: string;
  /** This field's presence key, so others see who is typing in it. */
  presenceKey: string;
  multiline?: boolean;
  hint?: string;
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
  hint,
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
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      <FieldPresence people={people} field={presenceKey} selfClientId={doc?.clientID ?? null} />
      {multiline ? <textarea ref={areaRef} rows={4} {...common} /> : <input ref={inputRef} {...common} />}
    </div>
  );
}
