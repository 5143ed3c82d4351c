import { z } from 'zod';

/** An email address, compared case-insensitively (stored lower-cased). */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Enter an email address in the right format, like name@example.org' }))
  .transform((email) => email.toLowerCase());

/** Length rules only (no composition rules), following NCSC password guidance. */
export const minPasswordLength = 12;
export const PasswordSchema = z
  .string()
  .min(minPasswordLength, { error: `Password must be at least ${minPasswordLength} characters` })
  .max(256, { error: 'Password must be 256 characters or fewer' });

/** A person's name as shown to others. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter your name' })
  .max(100, { error: 'Name must be 100 characters or fewer' });

/** The agency a person represents (council, NHS trust, school, police, voluntary organisation…). */
export const OrganisationSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter the organisation' })
  .max(200, { error: 'Organisation must be 200 characters or fewer' });

/** ISO-8601 timestamp as sent over the API. */
export const TimestampSchema = z.string();

/** An opaque identifier (UUID or short id). */
export const IdSchema = z.string().min(1).max(100);
