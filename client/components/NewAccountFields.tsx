import { minPasswordLength } from '../../shared/schemas/common.ts';
import { TextField } from '../forms/TextField.tsx';
import { textValue } from '../forms/formValues.ts';

/** The fields of a new account, in the order a person thinks of them; `name` attributes match NewAccount. */
export const newAccountFields = ['displayName', 'organisation', 'email', 'password'] as const;

interface NewAccountFieldsProps {
  fieldId: (field: string) => string;
  errorFor: (field: string) => string | undefined;
  defaultOrganisation?: string;
}

/** Name, organisation, email and password for a new account. */
export function NewAccountFields({ fieldId, errorFor, defaultOrganisation }: NewAccountFieldsProps) {
  return (
    <>
      <TextField
        id={fieldId('displayName')}
        name="displayName"
        label="Your full name"
        hint="Shown to other members next to your edits and comments."
        autoComplete="name"
        spellCheck={false}
        error={errorFor('displayName')}
      />
      <TextField
        id={fieldId('organisation')}
        name="organisation"
        label="Your organisation"
        hint="The agency you work for, for example Riverside Council or Riverside NHS Foundation Trust."
        autoComplete="organization"
        defaultValue={defaultOrganisation}
        error={errorFor('organisation')}
      />
      <TextField
        id={fieldId('email')}
        name="email"
        type="email"
        label="Email address"
        hint="You will use this to sign in."
        autoComplete="email"
        spellCheck={false}
        error={errorFor('email')}
      />
      <TextField
        id={fieldId('password')}
        name="password"
        type="password"
        label="Create a password"
        hint={`Must be at least ${minPasswordLength} characters. Three or four random words together make a strong password that is easy to remember.`}
        autoComplete="new-password"
        error={errorFor('password')}
      />
    </>
  );
}

/** Reads a new account's fields from a form, to validate with NewAccountSchema. */
export function readNewAccount(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries(newAccountFields.map((field) => [field, textValue(form, field)]));
}
