import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { NetworkDataAgenda } from '../../../shared/schemas/networks.ts';
import { agendaFile, agendaFileName } from '../../../server/networks/networkAgendaFiles.ts';

const formula = '=HYPERLINK("http://example.org","click")';

const agenda: NetworkDataAgenda = {
  places: 8,
  rule: 'Listed when more than half lack it.',
  metrics: [
    {
      templateId: 't.met.1',
      name: 'Infant mortality rate',
      indicator: 'Infant mortality',
      domain: 'safe',
      places: 7,
      missing: 2,
      notAccessible: 4,
      partial: 0,
      available: 1,
      notMapped: 0,
      // A control character typed into a reason must not break the Office files.
      reasons: [
        { reason: formula, count: 6 },
        { reason: 'Not collected\u0007', count: 1 },
      ],
      owners: [{ owner: '+ICB', count: 6 }],
      nextSteps: [],
    },
  ],
};

describe('network data agenda files', () => {
  it('names files after the network, in ASCII', () => {
    expect(agendaFileName('Réseau: London & South East!', 'docx')).toBe(
      'network-data-agenda-reseau-london-south-east.docx',
    );
    expect(agendaFileName('***', 'csv')).toBe('network-data-agenda-network.csv');
  });

  it('neutralises formula cells in the CSV', async () => {
    const csv = String((await agendaFile(agenda, 'N', 'csv')).body);
    expect(csv.startsWith('\uFEFFMetric,Indicator')).toBe(true);
    expect(csv).toContain(`'${formula.replaceAll('"', '""')}: 6 of 8 places`);
    expect(csv).toContain("'+ICB: 6 of 8 places");
  });

  it('writes an XLSX whose cells are text, formula cells neutralised', async () => {
    const file = await agendaFile(agenda, 'N', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((file.body as Uint8Array).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data agenda')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Metric');
    expect(sheet.getRow(2).getCell(10).value).toBe(`'${formula}: 6 of 8 places; Not collected: 1 of 8 places`);
    expect(sheet.getRow(2).getCell(11).value).toBe("'+ICB: 6 of 8 places");
  });

  it('writes a Word document (a zip package) even with a control character in a reason', async () => {
    const file = await agendaFile(agenda, 'London', 'docx');
    expect([...(file.body as Uint8Array).slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(file.fileName).toBe('network-data-agenda-london.docx');
  });
});
