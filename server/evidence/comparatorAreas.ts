import type { ComparatorAreas } from '../../shared/schemas/comparatorAreas.ts';
import { englandAreaCode } from '../../shared/schemas/observations.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError } from '../http/errors.ts';
import type { ComparatorAreaRecord } from '../store/repositories/ObservationRepository.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';

/** The partnership's comparator areas, named, and the areas its imports have seen (for the picker). */
export async function readComparatorAreas(
  store: Repositories,
  partnership: PartnershipRecord,
): Promise<ComparatorAreas> {
  return comparatorAreasAnswer(
    partnership,
    await store.observations.comparatorAreas(partnership.id),
    await areasSeen(store, partnership.id),
  );
}

/**
 * Replaces the partnership's comparator areas, audited (`comparator_areas.changed`, only when the list changed).
 * Their rows are kept from the next all-data import on; rows already stored are left as they are.
 */
export async function chooseComparatorAreas(
  store: Repositories,
  principal: Principal,
  partnership: PartnershipRecord,
  areaCodes: readonly string[],
  ip: string | null,
): Promise<ComparatorAreas> {
  const codes = checkComparatorAreas(partnership, areaCodes);
  const seen = await areasSeen(store, partnership.id);
  const names = new Map(seen.map((area) => [area.code, area.name]));
  const chosen = codes.map((code) => ({ code, name: names.get(code) ?? code }));
  await store.transaction(async (tx) => {
    const previous = (await tx.observations.comparatorAreas(partnership.id)).map((area) => area.code);
    await tx.observations.setComparatorAreas(partnership.id, chosen);
    if (previous.join() === codes.join()) return;
    await tx.audit.record({
      action: 'comparator_areas.changed',
      actorId: principal.user.id,
      partnershipId: partnership.id,
      target: partnership.id,
      details: { before: { areaCodes: previous }, after: { areaCodes: codes } },
      ip,
    });
  });
  return comparatorAreasAnswer(partnership, chosen, seen);
}

/** Areas the partnership's imports have named: every area of its all-data files, and any with observations. */
async function areasSeen(store: Repositories, partnershipId: string): Promise<{ code: string; name: string }[]> {
  const [stored, seen] = await Promise.all([
    store.observations.areas(partnershipId),
    store.observations.seenAreas(partnershipId),
  ]);
  const byCode = new Map(seen.map((area) => [area.code, { code: area.code, name: area.name }]));
  for (const area of stored) if (!byCode.has(area.code)) byCode.set(area.code, area);
  return [...byCode.values()];
}

/**
 * The chosen codes, or 400 naming each one that cannot be a comparator: the partnership's own area, England (every
 * metric is already compared with England) or an English region (E12…: the partnership's own is already compared,
 * and the evidence tells its region from the region codes it holds). The schema has checked the form, the count and
 * duplicates.
 */
export function checkComparatorAreas(partnership: { areaCode: string }, codes: readonly string[]): string[] {
  const issues = codes.flatMap((code, index) => {
    if (code === partnership.areaCode) {
      return [{ path: ['areaCodes', index], message: `${code} is this partnership's own area` }];
    }
    if (code === englandAreaCode) {
      return [{ path: ['areaCodes', index], message: 'England is already every metric’s comparator' }];
    }
    if (code.startsWith('E12')) {
      return [{ path: ['areaCodes', index], message: `${code} is a region: choose local areas as comparators` }];
    }
    return [];
  });
  if (issues.length > 0) throw new HttpError(400, 'invalid_request', 'Some comparator areas cannot be used', issues);
  return [...codes];
}

/** The answer of `GET|PUT …/comparator-areas`: the chosen areas (named from imports where they can be) and the seen ones. */
export function comparatorAreasAnswer(
  partnership: { areaCode: string },
  chosen: readonly ComparatorAreaRecord[],
  seen: readonly { code: string; name: string }[],
): ComparatorAreas {
  const names = new Map(seen.map((area) => [area.code, area.name]));
  const areas = chosen.map((area) => {
    const imported = names.get(area.code);
    return { code: area.code, name: imported && imported !== area.code ? imported : area.name };
  });
  return {
    areaCodes: areas.map((area) => area.code),
    areas,
    seen: seen
      .filter((area) => area.code !== partnership.areaCode && area.code !== englandAreaCode)
      .filter((area) => !area.code.startsWith('E12'))
      .map((area) => ({ code: area.code, name: area.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code)),
  };
}
