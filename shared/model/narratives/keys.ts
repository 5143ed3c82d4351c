import { z } from 'zod';
import { DomainSchema, EntityIdSchema, type Domain } from '../../schemas/framework.ts';

/** What a narrative is written about: a whole domain, or one outcome or indicator (its "story behind the curve"). */
export type NarrativeTarget =
  { kind: 'domain'; domain: Domain } | { kind: 'outcome'; id: string } | { kind: 'indicator'; id: string };

const keyPattern = /^narrative:(domain|outcome|indicator):(.{1,100})$/;

/** The name of the Y.XmlFragment holding a narrative in the workspace doc, e.g. `narrative:outcome:<id>`. */
export function narrativeKey(target: NarrativeTarget): string {
  return target.kind === 'domain' ? `narrative:domain:${target.domain}` : `narrative:${target.kind}:${target.id}`;
}

/** Reads a narrative key back; null for anything that is not one (wrong shape, unknown domain). */
export function parseNarrativeKey(key: string): NarrativeTarget | null {
  const match = keyPattern.exec(key);
  if (!match) return null;
  const [, kind, id] = match as unknown as [string, 'domain' | 'outcome' | 'indicator', string];
  if (kind === 'domain') {
    const domain = DomainSchema.safeParse(id);
    return domain.success ? { kind, domain: domain.data } : null;
  }
  return EntityIdSchema.safeParse(id).success ? { kind, id } : null;
}

/** A narrative key in a request body: well-formed and naming a known domain or an entity id. */
export const NarrativeKeySchema = z
  .string()
  .max(120)
  .refine((key) => parseNarrativeKey(key) !== null, { error: 'Not a narrative of this workspace' });
