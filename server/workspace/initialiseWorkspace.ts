import type * as Y from 'yjs';
import { updateProfileField } from '../../shared/model/partnershipProfile.ts';
import type { TemplateId } from '../../shared/schemas/partnerships.ts';

/** Fills a new partnership's workspace doc: its name, and the framework of the chosen template. */
export function initialiseWorkspace(doc: Y.Doc, _template: TemplateId, name: string): void {
  updateProfileField(doc, 'name', name);
}
