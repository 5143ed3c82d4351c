import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { isSafeLinkUrl } from '../../shared/editor/links.ts';
import { FieldError } from '../forms/FieldError.tsx';

function ToolButton({
  label,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      className="editor-toolbar__button"
      aria-pressed={pressed}
      disabled={disabled}
      // Keeps the editor's selection: a click on the toolbar must act on the text that was selected.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children ?? label}
    </button>
  );
}

/** Adds a web or email address to the selected words; only safe addresses are accepted. */
function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = href.trim();
    const address = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
    if (!isSafeLinkUrl(address)) {
      setError('Enter a web address starting with https:// or http://, or an email address starting with mailto:');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: address }).run();
    onDone();
  };
  return (
    <form className="editor-link-form" onSubmit={handleSubmit} noValidate>
      <label htmlFor={`${id}-href`}>Link address</label>
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={`${id}-href`}
        type="url"
        value={href}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setHref(event.target.value)}
      />
      <button type="submit" className="button--small">
        Save link
      </button>
      {current ? (
        <button
          type="button"
          className="button--small button--secondary"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onDone();
          }}
        >
          Remove link
        </button>
      ) : null}
      <button type="button" className="button--small button--secondary" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** Formatting buttons for one narrative; plain buttons that say whether their format is on (aria-pressed). */
export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const [linkOpen, setLinkOpen] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 3 }),
      subheading: e.isActive('heading', { level: 4 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
    void command(editor.chain().focus()).run();
  return (
    <div className="editor-toolbar">
      <div role="group" aria-label={`Formatting: ${label}`} className="editor-toolbar__group">
        <ToolButton label="Bold" pressed={active.bold} onClick={run((c) => c.toggleBold())} />
        <ToolButton label="Italic" pressed={active.italic} onClick={run((c) => c.toggleItalic())} />
        <ToolButton label="Heading" pressed={active.heading} onClick={run((c) => c.toggleHeading({ level: 3 }))} />
        <ToolButton
          label="Subheading"
          pressed={active.subheading}
          onClick={run((c) => c.toggleHeading({ level: 4 }))}
        />
        <ToolButton label="Bulleted list" pressed={active.bullets} onClick={run((c) => c.toggleBulletList())} />
        <ToolButton label="Numbered list" pressed={active.numbers} onClick={run((c) => c.toggleOrderedList())} />
        <ToolButton label="Link" pressed={active.link} onClick={() => setLinkOpen((open) => !open)} />
        {active.table ? (
          <>
            <ToolButton label="Add row" onClick={run((c) => c.addRowAfter())} />
            <ToolButton label="Add column" onClick={run((c) => c.addColumnAfter())} />
            <ToolButton label="Delete row" onClick={run((c) => c.deleteRow())} />
            <ToolButton label="Delete column" onClick={run((c) => c.deleteColumn())} />
            <ToolButton label="Delete table" onClick={run((c) => c.deleteTable())} />
          </>
        ) : (
          <ToolButton label="Table" onClick={run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))} />
        )}
        <ToolButton label="Undo" disabled={!active.canUndo} onClick={run((c) => c.undo())} />
        <ToolButton label="Redo" disabled={!active.canRedo} onClick={run((c) => c.redo())} />
      </div>
      {linkOpen ? <LinkForm editor={editor} onDone={() => setLinkOpen(false)} /> : null}
    </div>
  );
}
