import { expect, test, type Page } from '@playwright/test';
import { fingertipsCsv } from '../server/evidence/fingertipsFactory.ts';
import { allLondonPeriod } from '../server/evidence/londonFactory.ts';
import { buildMetadataRow, metadataCsv } from '../server/evidence/metadataFactory.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { EvidencePages } from './support/evidencePages.ts';
import { buildAccount, createInvitation, joinByInvitation, signedInAdministrator } from './support/people.ts';

const smoking = 'Smoking at time of delivery';
const pregnancies = 'Parents-to-be have smoke-free, healthy pregnancies';

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Smoking at delivery for every London borough over five years: Merton (E09000024) at 10.5% down to 8.5%. */
function allLondonExport(): string {
  const years = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22'];
  return fingertipsCsv(
    years.flatMap((period, year) =>
      allLondonPeriod(
        (index) => ({ value: (4 + index * 0.2 + (4 - year) * 0.5).toFixed(1), count: '400' }),
        { 'Time period': period, 'Time period Sortable': `${2017 + year}0000` },
        { england: '9.1', region: '6.0' },
      ),
    ),
  );
}

test('an analyst imports metadata and all London, chooses comparators, and a voter reads the evidence in the ballot', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await signedInAdministrator(browser);
  const created = await admin.context.request.post('/api/partnerships', {
    data: { name: 'Merton family hubs', areaName: 'Merton', areaCode: 'E09000024', template: 'common-outcomes' },
  });
  expect(created.status()).toBe(201);
  const partnershipId = ((await created.json()) as { id: string }).id;
  const evidence = new EvidencePages(admin.page, partnershipId);

  // The metadata first: the template's hand-written definition differs from Fingertips', so it is kept as an override.
  await evidence.openImport();
  const metadataForm = admin.page.locator('form[aria-labelledby="metadata-form-title"]');
  await metadataForm.getByLabel('File').setInputFiles({
    name: 'indicator-metadata.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(metadataCsv([buildMetadataRow()])),
  });
  await metadataForm.getByRole('button', { name: 'Import indicator metadata' }).click();
  await expect(admin.page.getByTestId('metadata-report')).toBeVisible();

  // All of London, twice: once to learn the areas, once after choosing comparators to keep theirs.
  await evidence.importFingertips('all-london.csv', allLondonExport());
  await expect(evidence.report()).toContainText('rows for other areas were left out');
  await admin.page.goto(`/p/${partnershipId}/evidence/comparators`);
  await expect(admin.page.getByRole('heading', { name: 'Comparator areas', level: 1 })).toBeVisible();
  for (const area of ['Sutton (E09000029)', 'Wandsworth (E09000032)', 'Kingston upon Thames (E09000021)']) {
    await admin.page.getByLabel('An area your imports have included').selectOption({ label: area });
    await admin.page.getByRole('button', { name: 'Add this area' }).click();
  }
  await admin.page.getByRole('button', { name: 'Save comparator areas' }).click();
  await expect(admin.page.getByText('Not saved yet.')).toHaveCount(0);
  await checkScreen(admin.page, 'evidence-comparator-areas');
  await evidence.openImport();
  await evidence.importFingertips('all-london.csv', allLondonExport());

  await evidence.openMetric(smoking);
  await expect(admin.page.getByText('99.8%').first()).toBeVisible();
  const comparators = admin.page
    .getByRole('region', { name: 'Against comparator areas' })
    .or(admin.page.locator('section[aria-labelledby="comparators-heading"]'));
  for (const area of ['Sutton', 'Wandsworth', 'Kingston upon Thames'])
    await expect(comparators.first()).toContainText(area);
  await checkScreen(admin.page, 'evidence-metric-methods');

  // A round on the outcome that smoking at delivery measures; a voter reads its evidence without leaving the ballot.
  const link = await createInvitation(admin, partnershipId, {
    role: 'viewer',
    organisation: 'Merton Council',
    isVotingMember: true,
  });
  const voter = await joinByInvitation(
    browser,
    link,
    buildAccount({ displayName: 'Dev Shah', organisation: 'Merton Council' }),
  );
  await admin.page.goto(`/p/${partnershipId}/rounds/new`);
  const builder = admin.page.getByTestId('round-builder');
  await builder.getByLabel('Title').fill('What to focus on');
  await builder
    .getByRole('group', { name: 'Outcomes to vote on' })
    .getByRole('checkbox', { name: pregnancies })
    .check();
  await builder
    .getByRole('group', { name: 'Outcomes to vote on' })
    .getByRole('checkbox', { name: 'Children grow up at a healthy weight, active and eating well' })
    .check();
  await builder.getByRole('radio', { name: 'Dot voting' }).check();
  await builder.getByRole('button', { name: 'Save the draft round' }).click();
  await admin.page.getByRole('button', { name: 'Open voting' }).click();
  await expect(admin.page.getByTestId('round-state')).toHaveText('Voting open');
  const roundUrl = new URL(admin.page.url()).pathname;

  await voter.page.goto(roundUrl);
  const row = voter.page.getByTestId('ballot-row').filter({ hasText: pregnancies });
  const panel = row.getByTestId('candidate-evidence');
  await expect(panel).toContainText('metric');
  // By keyboard: the summary is a native disclosure.
  await panel.locator('summary').first().focus();
  await voter.page.keyboard.press('Enter');
  // Merton 2021/22: 8.6%, its 99.8% interval 7.9 to 9.3 holds England's 9.1 (similar) and lies above London's 6.0.
  const metricRow = panel.getByRole('row', { name: new RegExp(smoking) });
  await expect(metricRow).toContainText('similar to England (99.8% interval)');
  await expect(metricRow).toContainText('worse than London region (99.8% interval)');
  await panel.getByText(`Chart and table: ${smoking}`).click();
  await expect(panel.locator('svg.trend-chart')).toBeVisible();
  // And where Merton stands among the comparator areas it chose, without leaving the ballot.
  await expect(panel).toContainText('Kingston upon Thames');
  await checkScreen(voter.page, 'ballot-evidence');
  await voter.context.close();
  await admin.context.close();
});
