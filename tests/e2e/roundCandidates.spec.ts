import { expect, test } from '@playwright/test';
import type * as Y from 'yjs';
import { addConcern, readConcerns } from '../../shared/model/concerns/index.ts';
import { addIndicator, addOutcome, readFramework } from '../../shared/model/framework/index.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import {
  buildAccount,
  createInvitation,
  createPartnership,
  joinByInvitation,
  signedInAdministrator,
} from './support/people.ts';
import { RoundPage } from './support/roundPages.ts';
import { changeWorkspace } from './support/workspaceSeed.ts';

// Parallel runs by other people clear test-results/ at start; SCREENS_DIR keeps a run's pictures somewhere safe.
const screensDir = process.env.SCREENS_DIR ?? 'test-results/screens';

/**
 * A framework with two outcomes and an indicator, and concerns of every kind, written as the screens would; returns
 * the id of the outcome the indicator serves.
 */
function seedWorkspace(doc: Y.Doc): string {
  const ready = addOutcome(doc, {
    domain: 'learning',
    level: 'child',
    statement: 'Children start school ready to learn',
  });
  addOutcome(doc, { domain: 'safe', level: 'child', statement: 'Children are safe at home' });
  addIndicator(doc, { name: 'Good level of development at age 5', outcomeIds: [ready] });
  addConcern(doc, { name: 'Young carers', kind: 'cohort' }, 'Test administrator');
  addConcern(doc, { name: 'North ward', kind: 'locality' }, 'Test administrator');
  addConcern(doc, { name: 'Rising school absence', kind: 'issue' }, 'Test administrator');
  return ready;
}

test('a facilitator puts an indicator and a cohort of concern beside outcomes, and voters see what each one is', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const facilitator = await signedInAdministrator(browser);
  const partnershipId = await createPartnership(facilitator, 'Riverside candidates');
  const readyId = await changeWorkspace(
    facilitator,
    baseURL!,
    partnershipId,
    seedWorkspace,
    (doc) => readFramework(doc).indicators.length === 1 && readConcerns(doc).length === 3,
  );
  const link = await createInvitation(facilitator, partnershipId, { role: 'editor', isVotingMember: true });
  const voter = await joinByInvitation(browser, link, buildAccount({ displayName: 'Amira Khan' }));

  const { page } = facilitator;
  await page.goto(`/p/${partnershipId}/rounds/new`);
  const builder = page.getByTestId('round-builder');
  await builder.getByLabel('Title').fill('What to focus on in 2026 to 2027');
  await builder
    .getByRole('group', { name: 'Outcomes to vote on' })
    .getByRole('checkbox', { name: 'Children start school ready to learn' })
    .check();

  // The optional kinds open and are ticked from the keyboard alone.
  const indicators = builder.locator('summary', { hasText: 'Indicators' });
  await indicators.focus();
  await page.keyboard.press('Enter');
  const indicator = builder
    .getByRole('group', { name: 'Indicators to vote on' })
    .getByRole('checkbox', { name: 'Good level of development at age 5' });
  await indicator.focus();
  await page.keyboard.press('Space');
  await expect(indicator).toBeChecked();
  await builder.locator('summary', { hasText: 'Cohorts and localities of concern' }).click();
  const concerns = builder.getByRole('group', { name: 'Cohorts and localities of concern to vote on' });
  await expect(concerns.getByRole('group', { name: /Cohort of concern/ })).toBeVisible();
  // Issues are weighed through the outcomes they affect, so they are not offered.
  await expect(concerns.getByText('Rising school absence')).toHaveCount(0);
  await concerns.getByRole('checkbox', { name: 'Young carers' }).check();
  await expect(builder.getByTestId('candidates-chosen')).toHaveText(
    '3 chosen: 1 outcome, 1 indicator, 1 cohort or locality.',
  );
  await builder.getByRole('radio', { name: 'Live' }).check();
  // Dots are shuffled for each voter by default; the listed order lets this test read the rows by position.
  await builder.getByRole('radio', { name: 'The order listed' }).check();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screensDir}/round-builder-candidates.png`, fullPage: true });
  await builder.getByRole('button', { name: 'Save the draft round' }).click();
  await expect(page.getByTestId('round-state')).toHaveText('Draft');
  const roundId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('button', { name: 'Open voting' }).click();
  await expect(page.getByTestId('round-state')).toHaveText('Voting open');

  // The ballot names each candidate with its kind.
  const round = new RoundPage(voter.page);
  await round.open(partnershipId, roundId);
  const rows = round.ballot.getByTestId('ballot-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Outcome: Children start school ready to learn');
  await expect(rows.nth(1)).toContainText('Indicator: Good level of development at age 5');
  await expect(rows.nth(2)).toContainText('Concern: Young carers');
  await round.addDots('Young carers', 3);
  await round.addDots('Good level of development at age 5', 2);
  await round.saveVote();

  // So do the live results.
  const results = round.resultsTable.getByTestId('result-row');
  await expect(results.nth(0)).toContainText('Concern: Young carers');
  await expect(results.nth(1)).toContainText('Indicator: Good level of development at age 5');
  expect(await seriousAccessibilityViolations(voter.page)).toEqual([]);
  await voter.page.screenshot({ path: `${screensDir}/round-voting-candidates.png`, fullPage: true });

  // The voter keeps the outcome page and the concerns open while the board decides.
  const outcomePage = voter.page;
  await outcomePage.goto(`/p/${partnershipId}/framework/outcomes/${readyId}`);
  const indicatorItem = outcomePage.getByTestId('indicator').filter({ hasText: 'Good level of development at age 5' });
  await expect(indicatorItem).toBeVisible();
  const concernsPage = await voter.context.newPage();
  await concernsPage.goto(`/p/${partnershipId}/concerns`);
  const concernCard = (name: string) => concernsPage.getByRole('article', { name: new RegExp(name) });
  await expect(concernCard('Young carers')).toBeVisible();
  await expect(outcomePage.getByTestId('priority-badge')).toHaveCount(0);
  await expect(concernsPage.getByTestId('priority-badge')).toHaveCount(0);

  // The facilitator records the indicator and the cohort as agreed priorities, but not the outcome.
  await page.getByRole('button', { name: 'Close voting now' }).click();
  await page.getByRole('group', { name: 'Close voting now?' }).getByRole('button', { name: 'Close voting' }).click();
  await expect(page.getByTestId('round-state')).toHaveText('Closed');
  await page.getByRole('link', { name: 'Record the decision' }).click();
  const decision = page.getByTestId('decision-form');
  await decision.getByRole('checkbox', { name: 'Good level of development at age 5' }).check();
  await decision.getByRole('checkbox', { name: 'Young carers' }).check();
  await decision.getByLabel('Outcome statement').fill('School readiness and young carers come first this year.');
  await decision.getByLabel('Review date').fill('2027-03-31');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByTestId('decision-log')).toContainText('School readiness and young carers come first');

  // Each badge reaches the voter's open screens without a reload, on what the board chose and nothing else.
  await expect(indicatorItem.getByTestId('priority-badge')).toHaveText('Agreed priority · review 31 March 2027');
  await expect(outcomePage.getByTestId('priority-badge')).toHaveCount(1);
  await expect(concernCard('Young carers').getByTestId('priority-badge')).toHaveText(
    'Agreed priority · review 31 March 2027',
  );
  await expect(concernCard('North ward').getByTestId('priority-badge')).toHaveCount(0);
  await expect(concernsPage.getByTestId('priority-badge')).toHaveCount(1);
  for (const [screen, name] of [
    [outcomePage, 'outcome-indicator-priority'],
    [concernsPage, 'concerns-priority'],
  ] as const) {
    expect(await seriousAccessibilityViolations(screen)).toEqual([]);
    await screen.screenshot({ path: `${screensDir}/${name}.png`, fullPage: true });
  }
});
