import type * as Y from 'yjs';
import { updateProfileField } from '../../shared/model/partnershipProfile.ts';
import type { FrameworkTemplateId } from '../../shared/schemas/framework.ts';
import type { TemplateId } from '../../shared/schemas/partnerships.ts';
import { applyTemplate } from '../../shared/templates/index.ts';

// The partnership's choice (an API value) and the framework template are named alike today; the map keeps them
// free to diverge (a template renamed or versioned) without a stored partnership pointing at nothing.
const frameworkTemplateFor: Readonly<Record<TemplateId, FrameworkTemplateId>> = {
  'common-outcomes': 'common-outcomes',
  blank: 'blank',
};

/** Fills a new partnership's workspace doc: its name, and the framework of the chosen template. */
export function initialiseWorkspace(doc: Y.Doc, template: TemplateId, name: string): void {
  updateProfileField(doc, 'name', name);
  applyTemplate(doc, frameworkTemplateFor[template]);
}
