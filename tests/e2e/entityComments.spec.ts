import { expect, test, type Page } from '@playwright/test';
import { fingertipsCsv, fingertipsPeriod } from '../server/evidence/fingertipsFactory.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { EntityCommentsPanel } from './support/entityComments.ts';
import { DataMappingPage, EvidencePages } from './support/evidencePages.ts';
import { buildAccount, createInvitation, joinByInvitation, signedInAdministrator } from './support/people.ts';

const smoking = 'Smoking at time of delivery';

/** A Fingertips export for smoking at delivery, three years of Merton, London and England. */
function smokingExport(): string {
  const years = [
    ['2019/20', '20190000', '7.0', '6.1', '10.4'],
    ['2020/21', '20200000', '6.2', '5.0', '9.6'],
    ['2021/22', '20210000', '5.1', '4.6', '9.1'],
  ] as const;
  return fingertipsCsv(
    years.flatMap(([period, sortable, area, region, england]) =>
      fingertipsPeriod(period, sortable, { area, region, england }),
    ),
  );
}

// Parallel runs by other people clear test-results/ at start; SCREENS_DIR keeps a run's pictures somewhere safe.
const screensDir = process.env.SCREENS_DIR ?? 'test-results/screens';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screensDir}/entity-comments-${name}.png`, fullPage: true });
}

test('a commenter comments on a data-mapping row and an evidence chart; the editor sees both live and answers', async ({
  browser,
}) => {
  // Three people, an import and two screens each with accessibility scans.
  test.setTimeout(180_000);
  const admin = await signedInAdministrator(browser);
  const created = await admin.context.request.post('/api/partnerships', {
    data: { name: 'Commented hubs', areaName: 'Merton', areaCode: 'E09000024', template: 'common-outcomes' },
  });
  expect(created.status()).toBe(201);
  const partnershipId = ((await created.json()) as { id: string }).id;
  const join = async (displayName: string, role: 'editor' | 'commenter' | 'viewer') =>
    joinByInvitation(
      browser,
      await createInvitation(admin, partnershipId, { role }),
      buildAccount({ displayName, organisation: 'NHS trust' }),
    );
  const amira = await join('Amira Khan', 'editor');
  const cora = await join('Cora Lewis', 'commenter');
  const victor = await join('Victor Hale', 'viewer');

  const adminEvidence = new EvidencePages(admin.page, partnershipId);
  await adminEvidence.openImport();
  await adminEvidence.importFingertips('fingertips-smoking.csv', smokingExport());
  await expect(adminEvidence.report()).toContainText('9 new');

  // Both on the data mapping grid; the commenter comments on one row.
  await Promise.all([
    new DataMappingPage(amira.page, partnershipId).open(),
    new DataMappingPage(cora.page, partnershipId).open(),
  ]);
  const amiraToggle = EntityCommentsPanel.mappingToggle(amira.page, smoking);
  await expect(amiraToggle).toHaveText('Comments (0): no open comments on the data mapping of ' + smoking);
  const coraRow = EntityCommentsPanel.onMappingRow(cora.page, smoking);
  await coraRow.open();
  await expect(EntityCommentsPanel.mappingToggle(cora.page, smoking)).toHaveAttribute('aria-expanded', 'true');
  await coraRow.write('The trust holds this monthly: can we get it by ward?');

  // The editor's row counts it at once, and opening it shows the thread.
  await expect(amiraToggle).toHaveText(/^Comments \(1\): 1 open comment on the data mapping of /);
  const amiraRow = EntityCommentsPanel.onMappingRow(amira.page, smoking);
  await amiraRow.open();
  const mappingThread = amiraRow.threads.filter({ hasText: 'can we get it by ward?' });
  await expect(mappingThread).toContainText(`Data mapping: ${smoking}`);
  await expect(mappingThread).toContainText('Cora Lewis');
  expect(await seriousAccessibilityViolations(amira.page)).toEqual([]);
  await screenshot(amira.page, 'data-mapping');

  // The commenter turns to the evidence chart: the latest period is chosen; they mention the editor.
  const coraEvidence = new EvidencePages(cora.page, partnershipId);
  const amiraEvidence = new EvidencePages(amira.page, partnershipId);
  await Promise.all([coraEvidence.openMetric(smoking), amiraEvidence.openMetric(smoking)]);
  const coraChart = EntityCommentsPanel.disclosure(cora.page, 'evidence-comments');
  await expect(cora.page.getByTestId('evidence-comments').locator('summary').first()).toHaveText(
    `Comments (0 open) on the evidence for ${smoking}`,
  );
  await coraChart.open();
  await expect(coraChart.region.getByLabel('Period the comment is about')).toHaveValue('2021/22');
  await coraChart.write('Is the 2021/22 drop real or a recording change?', { typed: 'Ami', name: 'Amira Khan' });

  // The editor sees it live, in words, with its period; the mention reaches the badge without a reload.
  const amiraSummary = amira.page.getByTestId('evidence-comments').locator('summary').first();
  await expect(amiraSummary).toHaveText(`Comments (1 open) on the evidence for ${smoking}`);
  await expect(amira.page.getByTestId('mentions-link')).toContainText('(1 unread)');
  const amiraChart = EntityCommentsPanel.disclosure(amira.page, 'evidence-comments');
  await amiraChart.open();
  const chartThread = amiraChart.threads.filter({ hasText: 'recording change?' });
  await expect(chartThread.getByRole('heading')).toHaveText(`Evidence: ${smoking}, 2021/22`);
  await expect(chartThread).toContainText('Mentioned: Amira Khan');
  expect(await seriousAccessibilityViolations(amira.page)).toEqual([]);
  await screenshot(amira.page, 'evidence');

  // Replying reads the mention: the badge goes down at once.
  await chartThread.getByRole('button', { name: /^Reply/ }).click();
  await chartThread.getByLabel('Your reply').fill('A real drop: the new midwife-led service started then.');
  await chartThread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(amira.page.getByTestId('mentions-link')).not.toContainText('unread');
  await expect(
    EntityCommentsPanel.disclosure(cora.page, 'evidence-comments').threads.filter({ hasText: 'midwife-led service' }),
  ).toBeVisible();
  // Resolving the grid's thread moves it under "Resolved comments"; the row's count goes down for everyone.
  await new DataMappingPage(amira.page, partnershipId).open();
  const resolvingRow = EntityCommentsPanel.onMappingRow(amira.page, smoking);
  await resolvingRow.open();
  await resolvingRow.threads.getByRole('button', { name: /^Resolve/ }).click();
  await expect(EntityCommentsPanel.mappingToggle(amira.page, smoking)).toHaveText(/^Comments \(0\)/);
  await expect(resolvingRow.region.getByText('Resolved comments (1)')).toBeVisible();

  // A viewer reads the comments but is told why there is no form.
  await new EvidencePages(victor.page, partnershipId).openMetric(smoking);
  const victorChart = EntityCommentsPanel.disclosure(victor.page, 'evidence-comments');
  await victorChart.open();
  await expect(victorChart.threads).toHaveCount(1);
  await expect(victorChart.region.getByTestId('cannot-comment')).toContainText(
    'You are a viewer here, so you can read comments but not add or answer them.',
  );
  await expect(victorChart.region.getByRole('button', { name: 'Add comment' })).toHaveCount(0);
  expect(await seriousAccessibilityViolations(victor.page)).toEqual([]);
  await screenshot(victor.page, 'evidence-viewer');

  for (const person of [amira, cora, victor, admin]) await person.context.close();
});
