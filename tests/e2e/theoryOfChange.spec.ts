import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { partnershipWith, type Person } from './support/people.ts';
import { TheoryOfChangePages } from './support/theoryOfChangePages.ts';
import { deleteOutcome, readOutcome } from '../../shared/model/framework/index.ts';
import { agreePriorities, changeWorkspace, seedOutcomes } from './support/workspaceSeed.ts';

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const outcomes = {
  schoolReady: 'Children start school ready to learn',
  feeding: 'Babies are fed in ways that support their health',
  safeHome: 'Children live in safe, stable homes',
} as const;

test('a commissioner links an action to two outcomes; a partner sees it live, adds an assumption; the matrix follows', async ({
  browser,
  baseURL,
}) => {
  // Four people and the whole story of a link, on a machine shared with other runs: more than the default minute.
  test.setTimeout(180_000);
  const { partnershipId, admin, people } = await partnershipWith(browser, 'Riverside Family Hubs', [
    { displayName: 'Casey Commissioner', role: 'editor', organisation: 'Riverside Council' },
    { displayName: 'Dev Partner', role: 'editor', organisation: 'Riverside NHS Trust' },
    { displayName: 'Val Viewer', role: 'viewer', organisation: 'Riverside Schools' },
  ]);
  const [commissioner, partner, viewer] = people as [Person, Person, Person];
  const [schoolReady, feeding, safeHome] = await seedOutcomes(admin, baseURL!, partnershipId, [
    { domain: 'learning', level: 'child', statement: outcomes.schoolReady },
    { domain: 'healthy', level: 'child', statement: outcomes.feeding },
    { domain: 'safe', level: 'child', statement: outcomes.safeHome },
  ]);

  // The commissioner opens the offer: nothing links to anything yet, and the board has agreed no priorities.
  const casey = new TheoryOfChangePages(commissioner.page);
  await casey.openOffer(partnershipId);
  await expect(commissioner.page.getByTestId('gap-priorities')).toHaveText('No priorities decided yet');
  await expect(commissioner.page.getByTestId('gap-outcomes')).toContainText('3 outcomes with no action');

  // The board agrees two priorities; the gaps follow live from the server's ballots projection. The safe-home one
  // will have no action, which the gaps must keep showing.
  await agreePriorities(
    admin,
    partnershipId,
    [
      { id: schoolReady!, label: outcomes.schoolReady },
      { id: safeHome!, label: outcomes.safeHome },
    ],
    [{ id: feeding!, label: outcomes.feeding }],
  );
  await expect(commissioner.page.getByTestId('gap-priorities')).toHaveText('2 priority outcomes with no action');

  // The commissioner adds an action from the offer page.
  await casey.addAction({
    name: 'Baby feeding peer support',
    provider: 'Riverside NHS Trust',
    delivery: 'Commissioned',
  });
  const actionUrl = commissioner.page.url();

  // Their colleague watches the graph and its table; a second tab of the commissioner's shows the matrix.
  const dev = new TheoryOfChangePages(partner.page);
  await dev.openGraph(partnershipId);
  await expect(dev.graphLinks).toHaveCount(0);
  const matrixPage = await commissioner.context.newPage();
  const matrix = new TheoryOfChangePages(matrixPage);
  await matrix.openMatrix(partnershipId);
  await expect(matrix.matrixRow(outcomes.feeding)).toContainText('No action');
  await expect(matrixPage.getByTestId('action-gaps')).toContainText('Baby feeding peer support');

  // Two links, made by the commissioner, appear live in the partner's graph and links table.
  await casey.linkTo(outcomes.feeding, 'Promising');
  await casey.linkTo(outcomes.schoolReady, 'Local evaluation');
  await expect(dev.graphLinks).toHaveCount(2);
  await expect(dev.linksTableRows).toHaveCount(2);
  await expect(dev.linksTableRows.filter({ hasText: outcomes.schoolReady })).toContainText('Priority');
  await expect(partner.page.getByTestId('unreached-priorities')).toHaveText(outcomes.safeHome);

  // The matrix updates: both outcomes are now reached, the action no longer a gap, one priority still is.
  await expect(matrix.matrixRow(outcomes.feeding)).toContainText('Linked');
  await expect(matrix.matrixRow(outcomes.schoolReady)).toContainText('Linked');
  await expect(matrix.matrixRow(outcomes.safeHome)).toContainText('PriorityNo action');
  await expect(matrixPage.getByTestId('action-gaps')).toContainText('Every action is linked to at least one outcome');
  await expect(matrixPage.getByTestId('gap-priorities')).toHaveText('1 priority outcome with no action');

  // The partner opens the action from the table (as a keyboard user would) and adds an assumption to one link.
  await checkScreen(partner.page, 'theory-of-change-graph');
  await dev.linksTableRows.first().getByRole('link', { name: 'Baby feeding peer support' }).click();
  await expect(partner.page.getByRole('heading', { name: 'Baby feeding peer support', level: 1 })).toBeVisible();
  await expect(commissioner.page.getByTestId('action-presence')).toContainText('Dev Partner is here');
  await dev.addAssumption(
    outcomes.feeding,
    'Mothers can reach a peer supporter within 48 hours of birth',
    'Infant feeding lead',
  );

  // The commissioner sees it arrive in the same link's checklist, and ticks it; the partner sees the tick.
  const caseyAssumption = casey.linkCard(outcomes.feeding).getByTestId('assumption');
  await expect(caseyAssumption).toHaveCount(1);
  await expect(caseyAssumption.getByLabel('Assumption 1', { exact: true })).toHaveValue(
    'Mothers can reach a peer supporter within 48 hours of birth',
  );
  await expect(caseyAssumption.getByLabel('Owner')).toHaveValue('Infant feeding lead');
  await caseyAssumption.getByRole('checkbox').check();
  await expect(dev.linkCard(outcomes.feeding).getByText('(1 of 1 checked)')).toBeVisible();

  // Presence: while the commissioner types in the mechanism, the partner is told who is editing it.
  await casey
    .linkCard(outcomes.feeding)
    .getByLabel('How it contributes (mechanism)')
    .fill('Peer supporters visit in the first days after birth, when most mothers who stop breastfeeding do so.');
  await expect(dev.linkCard(outcomes.feeding).getByText('Casey Commissioner is editing')).toHaveCount(2);
  await expect(dev.linkCard(outcomes.feeding).getByLabel('How it contributes (mechanism)')).toHaveValue(
    /Peer supporters visit/,
  );
  expect(commissioner.page.url()).toBe(actionUrl);

  await checkScreen(commissioner.page, 'theory-of-change-action');
  await checkScreen(matrixPage, 'theory-of-change-matrix');
  await casey.openOffer(partnershipId);
  await checkScreen(commissioner.page, 'theory-of-change-offer');

  // Someone removes an outcome from the framework: its link stays, marked, until the commissioner re-points it.
  await changeWorkspace(
    admin,
    baseURL!,
    partnershipId,
    (doc) => deleteOutcome(doc, feeding!, 'Administrator'),
    (doc) => readOutcome(doc, feeding!) === null,
  );
  const attention = commissioner.page.getByTestId('links-needing-attention');
  await expect(attention).toContainText(`Outcome removed: ${outcomes.feeding}`);
  await expect(matrixPage.getByTestId('gap-priorities')).toHaveText('1 priority outcome with no action');
  await attention.getByRole('link', { name: 'Baby feeding peer support' }).click();
  await expect(casey.linkCard(outcomes.feeding).getByTestId('removed-target')).toContainText('Outcome removed.');
  await checkScreen(commissioner.page, 'theory-of-change-link-removed');
  await casey.repoint(outcomes.feeding, outcomes.safeHome);
  await expect(casey.linkCard(outcomes.safeHome).getByText('(1 of 1 checked)')).toBeVisible();
  await expect(matrix.matrixRow(outcomes.safeHome)).toContainText('Linked');
  await expect(matrixPage.getByTestId('gap-priorities')).toHaveText('0 priority outcomes with no action');

  // Deleting a link can be undone at once.
  await casey
    .linkCard(outcomes.schoolReady)
    .getByRole('button', { name: /^Delete this link/ })
    .click();
  await expect(casey.linkCard(outcomes.schoolReady)).toHaveCount(0);
  await expect(matrix.matrixRow(outcomes.schoolReady)).toContainText('No action');
  await commissioner.page.getByTestId('link-deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(casey.linkCard(outcomes.schoolReady)).toBeVisible();
  await expect(matrix.matrixRow(outcomes.schoolReady)).toContainText('Linked');

  // Filters: both links now reach a priority outcome; the evidence filter keeps only the re-pointed, promising one.
  await dev.openGraph(partnershipId);
  await expect(partner.page.getByTestId('priority-hint')).toHaveText('2 agreed by the board');
  // The filter lives in the address, which the router updates in a transition: click, then wait for the tick.
  await partner.page.getByLabel('Priority outcomes only').click();
  await expect(partner.page.getByLabel('Priority outcomes only')).toBeChecked();
  await expect(dev.graphLinks).toHaveCount(2);
  await expect(partner.page.getByTestId('graph-summary')).toHaveText('1 action, 2 outcomes, 2 links shown.');
  await partner.page.getByLabel('Evidence strength').selectOption({ label: 'Promising' });
  await expect(dev.graphLinks).toHaveCount(1);
  await expect(dev.linksTableRows).toHaveText([new RegExp(outcomes.safeHome)]);

  // A viewer reads everything but can change nothing: no forms, fields read-only.
  const val = new TheoryOfChangePages(viewer.page);
  await val.openOffer(partnershipId);
  await expect(viewer.page.getByTestId('read-only-notice')).toBeVisible();
  await expect(viewer.page.getByTestId('add-action-form')).toHaveCount(0);
  await viewer.page.getByRole('link', { name: 'Baby feeding peer support' }).click();
  await expect(viewer.page.getByLabel('Name', { exact: true })).toHaveAttribute('readonly', '');
  await expect(viewer.page.getByTestId('add-link-form')).toHaveCount(0);
  await expect(val.linkCard(outcomes.safeHome).getByRole('checkbox')).toBeDisabled();

  // The graph downloads as an image.
  const [png] = await Promise.all([
    partner.page.waitForEvent('download'),
    partner.page.getByRole('button', { name: 'Download graph (PNG)' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/theory-of-change-graph-\d{4}-\d{2}-\d{2}\.png$/);
  const [svg] = await Promise.all([
    partner.page.waitForEvent('download'),
    partner.page.getByRole('button', { name: 'Download graph (SVG)' }).click(),
  ]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const [csv] = await Promise.all([
    partner.page.waitForEvent('download'),
    partner.page.getByRole('button', { name: 'Links (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/-links-.*\.csv$/);

  for (const person of [admin, commissioner, partner, viewer]) await person.context.close();
});
