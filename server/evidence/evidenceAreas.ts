import { englandAreaCode, type EvidenceArea } from '../../shared/schemas/observations.ts';

/**
 * The role of each area with observations: the partnership's own, England, its region (an English region, E12…;
 * imports keep only the area's own region) or another area.
 */
export function evidenceAreas(
  stored: readonly { code: string; name: string }[],
  partnership: { areaCode: string; areaName: string },
): EvidenceArea[] {
  let regionTaken = false;
  const areas = [...stored]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((area): EvidenceArea => {
      if (area.code === partnership.areaCode) {
        const name = area.name === area.code ? partnership.areaName : area.name;
        return { code: area.code, name, role: 'area' };
      }
      if (area.code === englandAreaCode) return { code: area.code, name: 'England', role: 'england' };
      if (area.code.startsWith('E12') && !regionTaken) {
        regionTaken = true;
        return { code: area.code, name: area.name, role: 'region' };
      }
      return { code: area.code, name: area.name, role: 'other' };
    });
  const order = { area: 0, region: 1, england: 2, other: 3 } as const;
  return areas.sort((a, b) => order[a.role] - order[b.role]);
}
