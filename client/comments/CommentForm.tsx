import { useId, useRef, useState, type FormEvent } from 'react';
import { CommentBodySchema } from '../../shared/schemas/comments.ts';
import type { Member } from '../../shared/schemas/partnerships.ts';
import { messageFor } from '../api/ApiError.ts';
import { FieldError } from '../forms/FieldError.tsx';
import { MentionPicker } from './MentionPicker.tsx';

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
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
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
