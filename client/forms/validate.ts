import type { z } from 'zod';
import { ApiError, messageFor } from '../api/ApiError.ts';

/** One problem to show on a form: against a field (linked from the summary) or the form as a whole. */
export interface FormError {
  field: string | null;
  message: string;
}

// The schemas carry their own words for the usual mistakes; this covers the rest in the same plain style.
const plainWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      return typeof issue.maximum === 'number' ? `Must be ${issue.maximum} characters or fewer` : 'Too long';
    case 'too_small':
      return 'Enter a value';
    case 'invalid_value':
      return 'Choose one of the options';
    case 'invalid_type':
      return issue.input === undefined ? 'Choose one of the options' : 'Check this answer';
    default:
      return 'Check this answer';
  }
};

function fieldOf(path: readonly PropertyKey[], fields: readonly string[]): string | null {
  const first = path[0];
  return typeof first === 'string' && fields.includes(first) ? first : null;
}

/** Validates form values with the same schema the server uses; errors point at the form's fields. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  fields: readonly string[],
  /** What to say when a choice (radio, select) was left unanswered, per field. */
  unanswered: Partial<Record<string, string>> = {},
): { ok: true; data: z.output<S> } | { ok: false; errors: FormError[] } {
  const result = schema.safeParse(values, {
    error: (issue) => {
      const field = fieldOf(issue.path ?? [], fields);
      if (issue.input === undefined && field !== null && unanswered[field]) return unanswered[field];
      return plainWords(issue);
    },
  });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: firstPerField(result.error.issues, fields) };
}

/** Turns a failed request into form errors, using the server's per-field issues when it sent them. */
export function errorsFromFailure(error: unknown, fields: readonly string[]): FormError[] {
  if (error instanceof ApiError && error.issues.length > 0) return firstPerField(error.issues, fields);
  return [{ field: null, message: messageFor(error) }];
}

function firstPerField(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fields: readonly string[],
): FormError[] {
  const errors: FormError[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields);
    // One message per field is enough to act on; a second one only adds noise.
    if (field !== null && errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: issue.message });
  }
  // Fields in the order they appear on the form, so the summary reads top to bottom.
  return errors.sort((a, b) => order(a.field, fields) - order(b.field, fields));
}

function order(field: string | null, fields: readonly string[]): number {
  return field === null ? -1 : fields.indexOf(field);
}
