import type * as Y from 'yjs';
import { FieldPresence } from '../../components/FieldPresence.tsx';
import { useSharedTextField } from '../../sync/useSharedTextField.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';

interface SharedTextInputProps {
  id: string;
  label: string;
  /** The shared text it edits; null while it is not there (the field shows empty and read-only). */
  text: Y.Text | null;
  maxLength: number;
  /** What the person is viewing (the action's page), published with what they edit. */
  viewing: string;
  /** The presence key of this field, so others see who is typing in it. */
  presenceKey: string;
  multiline?: boolean;
  hint?: string;
  /** Hide the label visually (a table cell or list item already says what the field is). */
  labelHidden?: boolean;
}

/** A text field co-typed live with everyone on the page; shows who else is typing in it. */
export function SharedTextInput({
  id,
  label,
  text,
  maxLength,
  viewing,
  presenceKey,
  multiline = false,
  hint,
  labelHidden = false,
}: SharedTextInputProps) {
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
      {multiline ? <textarea ref={areaRef} rows={3} {...common} /> : <input ref={inputRef} {...common} />}
    </div>
  );
}
