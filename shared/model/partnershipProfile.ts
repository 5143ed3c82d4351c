import type * as Y from 'yjs';
import { setText } from './text.ts';

/** Longest partnership name, in characters. */
export const maxPartnershipNameLength = 200;
/** Longest partnership description, in characters. */
export const maxPartnershipDescriptionLength = 5_000;

/** The editable fields of a partnership's profile, as plain strings. */
export interface PartnershipProfile {
  name: string;
  description: string;
}

/** The profile fields that are co-edited as text. */
export type ProfileField = keyof PartnershipProfile;

// Top-level shared types: two replicas creating them concurrently get the same type, never two rivals.
const fieldKeys: Record<ProfileField, string> = {
  name: 'profile.name',
  description: 'profile.description',
};

/** The shared text behind one profile field of the workspace doc. */
export function profileText(doc: Y.Doc, field: ProfileField): Y.Text {
  return doc.getText(fieldKeys[field]);
}

/** Reads the partnership profile from the workspace doc. */
export function readProfile(doc: Y.Doc): PartnershipProfile {
  return {
    name: profileText(doc, 'name').toString(),
    description: profileText(doc, 'description').toString(),
  };
}

/** Sets one profile field by a minimal text edit, keeping concurrent edits by others. */
export function updateProfileField(doc: Y.Doc, field: ProfileField, value: string): void {
  const limit = field === 'name' ? maxPartnershipNameLength : maxPartnershipDescriptionLength;
  setText(profileText(doc, field), value.slice(0, limit));
}
