import { expect, test, type Page } from '@playwright/test';
import { fingertipsCsv, fingertipsPeriod } from '../server/evidence/fingertipsFactory.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { DataMappingPage, EvidencePages } from './support/evidencePages.ts';
import { buildAccount, createInvitation, joinByInvitation, signedInAdministrator } from './support/people.ts';

const smoking = 'Smoking at time of delivery';
const readyToLearn = 'Children start school ready to learn and thrive';

/** A Fingertips export for smoking at delivery: Merton, London and England over five years, plus other boroughs. */
function smokingExport(): string {
  const years = [
    ['2017/18', '20170000', '8.9', '7.4', '10.8'],
    ['2018/19', '20180000', '8.1', '6.9', '10.6'],
    ['2019/20', '20190000', '7.0', '6.1', '10.4'],
    ['2020/21', '20200000', '6.2', '5.0', '9.6'],
    ['2021/22', '20210000', '5.1', '4.6', '9.1'],
  ] as const;
  return fingertipsCsv(
    years.flatMap(([period, sortable, area, region, england]) =>
      fingertipsPeriod(period, sortable, { area, region, england }),
    ),
    { byteOrderMark: true },
  );
}

// Parallel runs by other people clear test-results/ at start; SCREENS_DIR keeps a run's pictures somewhere safe.
const screensDir = process.env.SCREENS_DIR ?? 'test-results/screens';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screensDir}/evidence-${name}.png`, fullPage: true });
  // Long screens are also kept as they first appear, to judge them at a glance.
  await page.screenshot({ path: `${screensDir}/evidence-${name}-top.png` });
}

test('a person imports a Fingertips export, reads the trend in words, and maps data live with a colleague', async ({
  browser,
}) => {
  // Two people, two imports and four screens with accessibility scans: longer than the default on a shared machine.
  test.setTimeout(180_000);
  const admin = await signedInAdministrator(browser);
  const created = await admin.context.request.post('/api/partnerships', {
    data: { name: 'Merton family hubs', areaName: 'Merton', areaCode: 'E09000024', template: 'common-outcomes' },
  });
  expect(created.status()).toBe(201);
  const partnershipId = ((await created.json()) as { id: string }).id;
  const link = await createInvitation(admin, partnershipId, { role: 'editor', organisation: 'NHS trust' });
  const priya = await joinByInvitation(
    browser,
    link,
    buildAccount({ displayName: 'Priya Shah', organisation: 'NHS trust' }),
  );

  // Import, then import the same file again: the second changes nothing.
  const evidence = new EvidencePages(admin.page, partnershipId);
  await evidence.openImport();
  await evidence.importFingertips('fingertips-smoking.csv', smokingExport());
  await expect(evidence.report()).toContainText('15 new, 0 changed, 0 unchanged');
  await expect(evidence.report()).toContainText('rows for other areas were left out');
  await screenshot(admin.page, 'import-report');
  await evidence.importFingertips('fingertips-smoking.csv', smokingExport());
  await expect(evidence.report()).toContainText('0 new, 0 changed, 15 unchanged');

  // The trend and the comparison, in words, with the chart and its table.
  await evidence.openMetric(smoking);
  await expect(evidence.statement()).toContainText('In 2021/22, Merton was 5.1%');
  await expect(evidence.statement()).toContainText('better than England');
  await expect(evidence.statement()).toContainText('Decreasing and getting better over the last 5 periods');
  await expect(admin.page.locator('svg.trend-chart [data-series="region"]')).toBeVisible();
  await expect(admin.page.getByRole('row', { name: /2019\/20 7%/ })).toBeVisible();
  expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
  await screenshot(admin.page, 'metric');

  // Two people on the data mapping grid: a status set by one appears for the other, live.
  const adminMapping = new DataMappingPage(admin.page, partnershipId);
  const priyaMapping = new DataMappingPage(priya.page, partnershipId);
  await Promise.all([adminMapping.open(), priyaMapping.open()]);
  await adminMapping.status(smoking).selectOption({ label: 'Not accessible' });
  await expect(priyaMapping.status(smoking)).toHaveValue('not-accessible');
  await priyaMapping.owner(smoking).fill('Maternity unit, St Helier');
  await priyaMapping.owner(smoking).press('Enter');
  await priyaMapping.reason(smoking).fill('Held by the trust: needs a data-sharing agreement');
  await expect(adminMapping.owner(smoking)).toHaveValue('Maternity unit, St Helier');
  await expect(adminMapping.reason(smoking)).toHaveValue('Held by the trust: needs a data-sharing agreement');
  await expect(admin.page.getByRole('row', { name: new RegExp(smoking) })).toContainText('Priya Shah (NHS trust)');
  expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
  await screenshot(admin.page, 'data-mapping');

  // Bulk edit: select two metrics and set their status and owner together.
  await adminMapping.page.getByLabel('Domain', { exact: true }).selectOption({ label: 'Learning' });
  const learningRows = admin.page.locator('tr.mapping-row');
  await learningRows.nth(0).getByRole('checkbox').check();
  await learningRows.nth(1).getByRole('checkbox').check();
  await admin.page.getByLabel('New status').selectOption({ label: 'Missing' });
  await admin.page.getByLabel('New data owner').fill('Schools');
  await admin.page.getByLabel('New next step').fill('Ask schools for termly returns');
  await admin.page.getByRole('button', { name: 'Apply to 2 metrics' }).click();
  await expect(admin.page.getByText('Changed 2 of 2 selected metrics.')).toBeVisible();

  await adminMapping.openAgenda();
  await expect(admin.page.getByRole('heading', { name: /Maternity unit, St Helier/ })).toBeVisible();
  await expect(admin.page.getByRole('heading', { name: 'Next step: Ask schools for termly returns' })).toBeVisible();
  expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
  await screenshot(admin.page, 'agenda');

  // Data turn up for the metric mapped as not accessible: the import report offers to mark it available, and the
  // colleague on the grid sees the change live.
  await evidence.openImport();
  await evidence.importFingertips('fingertips-smoking.csv', smokingExport());
  const offer = admin.page.getByTestId('mark-available');
  await expect(offer).toContainText(smoking);
  await offer.getByRole('button', { name: `Mark as available (${smoking})` }).click();
  await expect(offer).toContainText(`Marked available in the data mapping: ${smoking}.`);
  await expect(priyaMapping.status(smoking)).toHaveValue('available');
  await screenshot(admin.page, 'import-mark-available');

  await evidence.openEvidence();
  await expect(admin.page.getByRole('row', { name: new RegExp(smoking) })).toContainText('Better');
  await screenshot(admin.page, 'list');
  await priya.context.close();
  await admin.context.close();
});

test('the demo partnership shows clearly labelled sample data, and concerns can be recorded', async ({ browser }) => {
  const admin = await signedInAdministrator(browser);
  const evidence = new EvidencePages(admin.page, 'demo');
  await evidence.openMetric('Children with a good level of development at the end of Reception');
  await expect(admin.page.getByText('These numbers are illustrative, made up for the demo.')).toBeVisible();
  await expect(admin.page.getByRole('heading', { name: /By ward/ })).toBeVisible();
  await expect(admin.page.getByRole('cell', { name: 'suppressed (<5)' }).first()).toBeVisible();
  expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
  await screenshot(admin.page, 'demo-metric');

  await admin.page.goto('/p/demo/concerns');
  // Unique per run, so repeated runs against one server each find their own concern.
  const concern = `Young carers missing school ${Date.now().toString(36)}`;
  const addForm = admin.page.getByRole('form', { name: 'Add a concern' });
  await addForm.getByLabel('Name', { exact: true }).fill(concern);
  await addForm.getByRole('radio', { name: 'Cohort' }).check();
  await addForm.getByRole('button', { name: 'Add concern' }).click();
  const card = admin.page.getByRole('article', { name: new RegExp(concern) });
  await expect(card).toBeVisible();
  await card.getByText('Link outcomes').click();
  await card.getByLabel(`Learning: ${readyToLearn}`).check();
  expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
  await screenshot(admin.page, 'concerns');

  // The concern shows on the framework overview; the outcome page has small multiples of its metrics.
  await admin.page.goto('/p/demo/framework');
  const outcomeCard = admin.page.getByTestId('outcome-card').filter({ hasText: readyToLearn });
  await expect(outcomeCard.getByRole('link', { name: `Concern (cohort): ${concern}` })).toBeVisible();
  await outcomeCard.getByRole('link', { name: readyToLearn }).click();
  // In the order the page lists the outcome's indicators: indicator 1's metric first.
  await expect(admin.page.locator('.small-multiple__title').first()).toHaveText(
    'Children with a good level of development at the end of Reception',
  );
  const multiple = admin.page
    .locator('.small-multiple')
    .filter({ hasText: 'Children with a good level of development at the end of Reception' });
  await expect(multiple.locator('svg.trend-chart')).toBeVisible();
  await expect(multiple).toContainText('Worse compared with England');
  await screenshot(admin.page, 'outcome-small-multiples');
  await admin.context.close();
});
