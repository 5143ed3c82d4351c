import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CommentBodySchema } from '../../shared/schemas/comments.ts';
import type { Member } from '../../shared/schemas/partnerships.ts';
import { messageFor } from '../api/ApiError.ts';
import { FieldError } from '../forms/FieldError.tsx';
import { MentionPicker } from './MentionPicker.tsx';
import { insertMention, matchingMembers, mentionQueryAt, type MentionQuery } from './mentionQuery.ts';

/** Writes a comment (a new thread's first one, or a reply), with people to mention; says plainly what went wrong. */
export function CommentForm({
  label,
  submitLabel,
  members,
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  members: readonly Member[];
  autoFocus?: boolean;
  onSubmit: (comment: { body: string; mentions: string[] }) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The `@` being typed, the people it matches, and which of them the arrow keys are on.
  const [typing, setTyping] = useState<MentionQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const options = typing && typing.start !== dismissedAt ? matchingMembers(members, typing.query) : [];

  const readCaret = (target: HTMLTextAreaElement): void => {
    const next = mentionQueryAt(target.value, target.selectionStart);
    if (next?.start !== typing?.start || next?.query !== typing?.query) setActive(0);
    setTyping(next);
  };
  const choose = (member: Member): void => {
    const target = field.current;
    if (!typing || !target) return;
    const next = insertMention(body, typing, target.selectionStart, member.displayName);
    setBody(next.text);
    setTyping(null);
    // The completed name is not a query any more: this @ stays closed while the caret moves past it.
    setDismissedAt(typing.start);
    if (!mentions.includes(member.userId)) setMentions([...mentions, member.userId]);
    requestAnimationFrame(() => {
      target.focus();
      target.setSelectionRange(next.caret, next.caret);
    });
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(typing?.start ?? null);
    }
  };

  const handleSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = CommentBodySchema.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Write a comment');
      field.current?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSubmit({ body: parsed.data, mentions });
      setBody('');
      setMentions([]);
    } catch (failure) {
      setError(messageFor(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-body`}>{label}</label>
        <FieldError id={`${id}-error`} message={error} />
        <textarea
          id={`${id}-body`}
          ref={field}
          rows={3}
          value={body}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-mention-hint${error ? ` ${id}-error` : ''}`}
          aria-autocomplete="list"
          aria-controls={`${id}-mentions`}
          aria-activedescendant={options.length > 0 ? `${id}-mention-${active}` : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            readCaret(event.target);
          }}
          onSelect={(event) => readCaret(event.currentTarget)}
          onKeyDown={handleKeyDown}
          onBlur={() => setTyping(null)}
        />
        <p id={`${id}-mention-hint`} className="hint">
          Type @ and a name to mention someone: they are told in their mentions.
        </p>
        <ul
          id={`${id}-mentions`}
          role="listbox"
          aria-label="People to mention"
          className="mention-options"
          hidden={options.length === 0}
        >
          {options.map((member, index) => (
            <li
              key={member.userId}
              id={`${id}-mention-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'mention-option mention-option--active' : 'mention-option'}
              // Chosen on mouse down, before the text field loses focus and closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
            >
              {member.displayName} <span className="muted">({member.organisation})</span>
            </li>
          ))}
        </ul>
        <p className="visually-hidden" aria-live="polite">
          {options.length > 0
            ? `${options.length} ${options.length === 1 ? 'person matches' : 'people match'}: up and down arrows to choose, Enter to mention`
            : ''}
        </p>
      </div>
      <MentionPicker members={members} selected={mentions} onChange={setMentions} />
      <div className="button-group">
        <button type="submit" className="button--small" disabled={sending}>
          {sending ? 'Sending…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button--small button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
