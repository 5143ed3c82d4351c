import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import type { PartnershipRecord } from '../../../server/store/repositories/PartnershipRepository.ts';
import { mirrorPartnershipName } from '../../../server/workspace/nameMirror.ts';
import { silentLogger } from '../../../server/logger.ts';
import { waitFor } from '../../helpers/waitFor.ts';

/** The partnership as SQL lists it, renamed by the mirror. */
function listedPartnership(name: string) {
  const record: PartnershipRecord = {
    id: 'riverside',
    name,
    areaName: 'Riverside',
    areaCode: 'E09000024',
    template: 'blank',
    createdAt: '2026-11-26T00:00:00.000Z',
    memberCount: 1,
  };
  return {
    record,
    findById: (id: string) => Promise.resolve(id === record.id ? record : null),
    rename: (_id: string, renamed: string) => {
      record.name = renamed;
      return Promise.resolve();
    },
  };
}

describe('the listed partnership name', () => {
  it('follows the name co-edited in the workspace, cut to the length a new name may have', async () => {
    const partnerships = listedPartnership('Riverside Family Hubs');
    const doc = new Y.Doc();
    const mirror = mirrorPartnershipName(partnerships, silentLogger);
    mirror.onRoomLoaded('p:riverside', doc);
    updateProfileField(doc, 'name', `  Riverside ${'very '.repeat(2_000)}long name  `);
    doc.destroy();
    await mirror.settled();
    expect(partnerships.record.name.length).toBeLessThanOrEqual(200);
    expect(partnerships.record.name.length).toBeGreaterThan(190);
    expect(partnerships.record.name.startsWith('Riverside very very')).toBe(true);
    expect(partnerships.record.name).toBe(partnerships.record.name.trim());
  });

  it('keeps the listed name while the co-edited one is empty', async () => {
    const partnerships = listedPartnership('Riverside Family Hubs');
    const doc = new Y.Doc();
    const mirror = mirrorPartnershipName(partnerships, silentLogger);
    mirror.onRoomLoaded('p:riverside', doc);
    updateProfileField(doc, 'name', '   ');
    doc.destroy();
    await mirror.settled();
    expect(partnerships.record.name).toBe('Riverside Family Hubs');
  });
});

describe('who may rename the partnership', () => {
  it('undoes a change to the name by someone who may not rename, and never lists it', async () => {
    const partnerships = listedPartnership('Riverside Family Hubs');
    const doc = new Y.Doc();
    updateProfileField(doc, 'name', 'Riverside Family Hubs');
    const editor = { role: 'editor' };
    const facilitator = { role: 'facilitator' };
    const mirror = mirrorPartnershipName(partnerships, silentLogger, (origin) => origin !== editor);
    mirror.onRoomLoaded('p:riverside', doc);

    doc.transact(() => updateProfileField(doc, 'name', 'Renamed by an editor'), editor);
    await waitFor(() => expect(doc.getText('profile.name').toString()).toBe('Riverside Family Hubs'));

    doc.transact(() => updateProfileField(doc, 'name', 'Riverside Family Hubs Partnership'), facilitator);
    expect(doc.getText('profile.name').toString()).toBe('Riverside Family Hubs Partnership');
    // An editor's change after the facilitator's goes back to the facilitator's name, not the first one.
    doc.transact(() => updateProfileField(doc, 'name', 'Another try'), editor);
    await waitFor(() => expect(doc.getText('profile.name').toString()).toBe('Riverside Family Hubs Partnership'));
    doc.destroy();
    await mirror.settled();
    expect(partnerships.record.name).toBe('Riverside Family Hubs Partnership');
  });
});
