import { useCallback, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { errorsFromFailure, validate, type FormError } from './validate.ts';

export interface FormSubmissionOptions<S extends z.ZodType> {
  /** The schema the server validates the same request with. */
  schema: S;
  /** The fields of the form, top to bottom; errors for other paths are shown against the whole form. */
  fields: readonly string[];
  /** Reads the values to validate from the form. */
  read: (form: HTMLFormElement) => unknown;
  /** What to say when a choice was left unanswered, per field ("Choose a role"). */
  unanswered?: Partial<Record<string, string>>;
  /** Sends valid data; a thrown error is shown on the form and what was typed stays in place. */
  submit: (data: z.output<S>) => Promise<void>;
}

/**
 * The behaviour every form shares: validate on submit, an error summary and inline errors on failure (server
 * issues included), and a busy state that stops double submission. Fields stay uncontrolled, so nothing typed
 * is lost when a submission fails.
 */
export function useFormSubmission<S extends z.ZodType>({
  schema,
  fields,
  read,
  unanswered,
  submit,
}: FormSubmissionOptions<S>) {
  const formId = useId();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sending, setSending] = useState(false);

  const fieldId = useCallback((field: string) => `${formId}-${field}`, [formId]);
  const errorFor = (field: string): string | undefined => errors.find((e) => e.field === field)?.message;

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (sending) return;
    const result = validate(schema, read(event.currentTarget), fields, unanswered);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setSending(true);
    submit(result.data).then(
      () => setSending(false),
      (error: unknown) => {
        setSending(false);
        setErrors(errorsFromFailure(error, fields));
      },
    );
  };

  return { errors, setErrors, sending, fieldId, errorFor, handleSubmit };
}
