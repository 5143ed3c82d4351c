import type * as Y from 'yjs';
import { profileText } from '../../shared/model/partnershipProfile.ts';
import { parseDocName } from '../../shared/protocol/docNames.ts';
import type { PartnershipRepository } from '../partnerships/PartnershipRepository.ts';

const settleMs = 500;
/** As long as a name may be when the partnership is created (`CreatePartnershipRequestSchema`). */
const listedNameLimit = 200;

/**
 * Keeps the partnership's listed name (SQL) in step with the name people co-edit in its workspace doc, once the
 * typing settles, so lists and invitations show the current name. Cut to the length a new partnership's name may
 * have: the doc takes whatever an editor types, and the listed name shows in every member's lists and on the public
 * invitation page.
 */
export function mirrorPartnershipName(
  partnerships: Pick<PartnershipRepository, 'findById' | 'rename'>,
): (docName: string, doc: Y.Doc) => void {
  return (docName, doc) => {
    const parsed = parseDocName(docName);
    if (parsed?.kind !== 'workspace') return;
    const text = profileText(doc, 'name');
    let timer: NodeJS.Timeout | undefined;
    const write = (): void => {
      const name = text.toString().trim().slice(0, listedNameLimit).trim();
      const current = partnerships.findById(parsed.partnershipId);
      if (current && name && current.name !== name) partnerships.rename(parsed.partnershipId, name);
    };
    text.observe(() => {
      clearTimeout(timer);
      timer = setTimeout(write, settleMs);
    });
    doc.on('destroy', () => {
      clearTimeout(timer);
      write();
    });
  };
}
