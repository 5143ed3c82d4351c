import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { FrameworkOverviewPage, OutcomePage } from './support/frameworkPages.ts';
import { partnershipWith, signedInAdministrator } from './support/people.ts';

// Screenshots to review; SCREENS_DIR keeps them out of the shared test-results/ that parallel runs clear.
const screens = process.env.SCREENS_DIR ?? 'test-results/screens';

test.beforeAll(() => fs.mkdirSync(screens, { recursive: true }));

test.describe('the outcomes framework', () => {
  test('two people build out a cell together, seeing each other’s edits and presence live', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Framework partnership', [
      { displayName: 'Amira Khan', role: 'editor' },
      { displayName: 'Ben Ortiz', role: 'editor' },
    ]);
    const [amira, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const amiraGrid = new FrameworkOverviewPage(amira.page);
    const benGrid = new FrameworkOverviewPage(ben.page);
    await amiraGrid.open(partnershipId);
    await benGrid.open(partnershipId);

    await amiraGrid.addOutcomesByKeyboard('safe', 'child', ['Children are safe at home']);
    const card = benGrid.outcome('safe', 'child', 'Children are safe at home');
    await expect(card).toBeVisible();
    await expect(card).toContainText('Local');

    await card.getByRole('link').click();
    const benOutcome = new OutcomePage(ben.page);
    await expect(benOutcome.statement).toHaveValue('Children are safe at home');
    // Amira, still on the grid, sees Ben on the outcome in its cell.
    await expect(amiraGrid.outcome('safe', 'child', 'Children are safe at home')).toContainText('Ben Ortiz is here');

    await amiraGrid.outcome('safe', 'child', 'Children are safe at home').getByRole('link').click();
    const amiraOutcome = new OutcomePage(amira.page);
    await expect(benOutcome.presence).toContainText('Amira Khan (viewing)');

    await benOutcome.description.click();
    await expect(amiraOutcome.presence).toContainText('Ben Ortiz (editing the description)');
    await benOutcome.description.pressSequentially('Free from harm, with adults who notice early and act.');
    await expect(amiraOutcome.description).toHaveValue('Free from harm, with adults who notice early and act.');

    // Both type into the statement at once: both people's words are kept.
    await amiraOutcome.statement.click();
    await amiraOutcome.statement.press('End');
    await ben.page.keyboard.press('Tab');
    await benOutcome.statement.click();
    await benOutcome.statement.press('Home');
    await Promise.all([
      amiraOutcome.statement.pressSequentially(' and online'),
      benOutcome.statement.pressSequentially('All '),
    ]);
    const merged = 'All Children are safe at home and online';
    await expect(amiraOutcome.statement).toHaveValue(merged);
    await expect(benOutcome.statement).toHaveValue(merged);
    await expect(amira.page.getByRole('heading', { level: 1 })).toHaveText(merged);

    // Leaving the outcome stops Ben being shown on it.
    await ben.page.getByRole('link', { name: 'Back to the framework' }).click();
    await expect(amiraOutcome.presence).toHaveCount(0);

    await amira.context.close();
    await ben.context.close();
    await admin.context.close();
  });

  test('reorders by keyboard, and deletes with Undo and with Restore after a reload', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Reorder partnership', [
      { displayName: 'Cara Doyle', role: 'editor' },
    ]);
    const cara = people[0]!;
    const grid = new FrameworkOverviewPage(cara.page);
    await grid.open(partnershipId);
    await grid.addOutcomesByKeyboard('learning', 'child', ['Ready for school', 'Attending school', 'Achieving']);
    const statements = grid.cell('learning', 'child').locator('.outcome-card__statement');
    await expect(statements).toHaveText(['Ready for school', 'Attending school', 'Achieving']);

    await grid.outcome('learning', 'child', 'Achieving').getByRole('link').click();
    const outcome = new OutcomePage(cara.page);
    await expect(outcome.position).toContainText('3 of 3');
    await cara.page.getByRole('button', { name: /^Move up\W+Achieving$/ }).focus();
    await cara.page.keyboard.press('Enter');
    await expect(outcome.position).toContainText('2 of 3');
    // Focus stays on the button, so pressing again keeps moving it.
    await expect(cara.page.getByRole('button', { name: /^Move up\W+Achieving$/ })).toBeFocused();
    await cara.page.keyboard.press('Enter');
    await expect(outcome.position).toContainText('1 of 3');
    await expect(outcome.notice).toContainText('Moved “Achieving” to position 1 of 3');

    await outcome.addIndicator('Attainment at age 11');
    await outcome.addIndicator('Progress in reading');
    await cara.page.getByRole('button', { name: /^Move up\W+Progress in reading$/ }).focus();
    await cara.page.keyboard.press('Enter');
    await expect(outcome.indicators.locator('.indicator__name')).toHaveText([
      /Progress in reading/,
      /Attainment at age 11/,
    ]);
    await outcome.addMetric('Attainment at age 11', '% meeting the expected standard in reading, writing and maths');
    await cara.page.getByLabel('Unit').fill('%');
    await cara.page.getByLabel('Which way is better').selectOption('higher-is-better');
    await expect(cara.page.getByTestId('metric')).toContainText('Higher is better');

    await cara.page.getByRole('button', { name: /^Delete outcome\W+Achieving$/ }).click();
    await expect(cara.page).toHaveURL(new RegExp(`/p/${partnershipId}/framework$`));
    await expect(grid.notice).toContainText('Deleted the outcome “Achieving”');
    await expect(grid.outcome('learning', 'child', 'Achieving')).toHaveCount(0);
    await grid.notice.getByRole('button', { name: /^Undo/ }).click();
    await expect(grid.outcome('learning', 'child', 'Achieving')).toContainText('2 indicators · 1 metric');
    await expect(grid.notice).toContainText('Undone: deleted the outcome “Achieving”');

    // A delete is soft: after a reload (no undo history) it is restored from "Recently deleted".
    await grid.outcome('learning', 'child', 'Ready for school').getByRole('link').click();
    await cara.page.getByRole('button', { name: /^Delete outcome\W+Ready for school$/ }).click();
    await cara.page.reload();
    await grid.grid.waitFor();
    const deleted = cara.page.getByTestId('recently-deleted');
    await expect(deleted).toContainText('Ready for school');
    await expect(deleted).toContainText('by Cara Doyle');
    await deleted.getByRole('button', { name: 'Restore Ready for school' }).click();
    await expect(grid.outcome('learning', 'child', 'Ready for school')).toBeVisible();
    await cara.context.close();
    await admin.context.close();
  });

  test('filters and searches the grid, announcing the count', async ({ browser }) => {
    const admin = await signedInAdministrator(browser);
    const grid = new FrameworkOverviewPage(admin.page);
    await grid.open('demo');
    await expect(grid.count).toHaveText(/^Showing all \d+ outcomes$/);
    await expect(grid.count).toHaveAttribute('role', 'status');
    await admin.page.getByLabel('Domain').selectOption('learning');
    await expect(admin.page.getByRole('heading', { level: 2, name: 'Safe' })).toHaveCount(0);
    await expect(admin.page.getByRole('heading', { level: 2, name: 'Learning' })).toBeVisible();
    await grid.search.fill('school');
    await expect(grid.count).toHaveText(/^Showing \d+ of \d+ outcomes$/);
    await expect(admin.page).toHaveURL(/domain=learning/);
    await admin.page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(grid.count).toHaveText(/^Showing all/);
    await admin.context.close();
  });

  test('a viewer reads the framework with every control disabled and the reason given', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Viewer partnership', [
      { displayName: 'Vic Viewer', role: 'viewer' },
    ]);
    const adminGrid = new FrameworkOverviewPage(admin.page);
    await adminGrid.open(partnershipId);
    await adminGrid.addOutcomesByKeyboard('happy', 'parent-adult', ['Parents have friends to lean on']);

    const viewer = people[0]!;
    const grid = new FrameworkOverviewPage(viewer.page);
    await grid.open(partnershipId);
    await expect(viewer.page.getByTestId('read-only-notice')).toContainText('your role is viewer');
    await expect(viewer.page.getByRole('button', { name: /^Add an outcome/ })).toHaveCount(0);
    await grid.outcome('happy', 'parent-adult', 'Parents have friends to lean on').getByRole('link').click();
    const outcome = new OutcomePage(viewer.page);
    await expect(outcome.statement).toHaveAttribute('readonly', '');
    await expect(viewer.page.getByLabel('Domain')).toBeDisabled();
    await expect(viewer.page.getByRole('button', { name: /^Delete outcome/ })).toBeDisabled();
    await expect(viewer.page.getByTestId('read-only-notice')).toBeVisible();
    await viewer.context.close();
    await admin.context.close();
  });

  test('imports a spreadsheet with a preview, and shows a bad file’s problems row by row', async ({ browser }) => {
    const { partnershipId, admin } = await partnershipWith(browser, 'Import partnership', []);
    const exported = await admin.context.request.get('/api/partnerships/demo/framework.csv');
    expect(exported.status()).toBe(200);
    const csv = await exported.body();

    await admin.page.goto(`/p/${partnershipId}/framework/spreadsheet`);
    const form = admin.page.getByTestId('import-form');
    await form
      .getByLabel('Spreadsheet file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: badCsv() });
    await form.getByRole('button', { name: 'Check the file' }).click();
    const problems = admin.page.getByTestId('import-errors');
    await expect(problems).toContainText('Nothing was imported');
    await expect(problems.getByRole('row').nth(1)).toContainText('2Domain');
    await admin.page.screenshot({ path: `${screens}/framework-import-errors.png`, fullPage: true });

    await form.getByLabel('Spreadsheet file').setInputFiles({ name: 'demo.csv', mimeType: 'text/csv', buffer: csv });
    await form.getByRole('button', { name: 'Check the file' }).click();
    const preview = admin.page.getByTestId('import-preview');
    await expect(preview).toContainText('Nothing has changed yet');
    await expect(preview.getByRole('row', { name: /^Outcomes/ })).toBeVisible();
    await admin.page.screenshot({ path: `${screens}/framework-import-preview.png`, fullPage: true });
    await preview.getByRole('button', { name: 'Apply import' }).click();
    await expect(admin.page.getByTestId('import-applied')).toContainText('Success');
    await admin.page.getByRole('link', { name: 'Go to the framework' }).click();
    await expect(new FrameworkOverviewPage(admin.page).count).toHaveText(/^Showing all [1-9]\d* outcomes$/);
    await admin.context.close();
  });

  test('a replace import says in red what it takes away, and needs the word typed before it applies', async ({
    browser,
  }) => {
    const admin = await signedInAdministrator(browser);
    const exported = await admin.context.request.get('/api/partnerships/demo/framework.csv');
    // The header and the first outcome's rows: a replace with this file would delete everything else.
    // The outcome id is the third column; level names hold commas, so cells are split outside quotes.
    const outcomeIdOf = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.[2]?.replace(/,$/, '');
    const lines = (await exported.text()).split(/\r?\n/);
    const firstOutcome = outcomeIdOf(lines[1]!);
    const kept = lines.filter((line, index) => index === 0 || outcomeIdOf(line) === firstOutcome);
    expect(kept.length).toBeGreaterThan(1);
    await admin.page.goto('/p/demo/framework/spreadsheet');
    const form = admin.page.getByTestId('import-form');
    await form
      .getByLabel('Spreadsheet file')
      .setInputFiles({ name: 'one-outcome.csv', mimeType: 'text/csv', buffer: Buffer.from(kept.join('\r\n')) });
    await form.getByLabel('Replace the framework with the file').check();
    await form.getByRole('button', { name: 'Check the file' }).click();
    // The file holds one outcome, all of it unchanged.
    const outcomesRow = admin.page.getByTestId('import-summary').getByRole('row', { name: /^Outcomes/ });
    await expect(outcomesRow.getByRole('cell').nth(0)).toHaveText('1');
    await expect(outcomesRow.getByRole('cell').nth(3)).toHaveText('1');
    const losses = admin.page.getByTestId('import-losses');
    await expect(losses).toContainText(/takes \d+ outcomes, \d+ indicators and \d+ metrics out of the framework/);
    // The demo's sample observations belong to metrics of other outcomes.
    await expect(losses).toContainText(/Evidence \(\d+ metrics\)/);
    const apply = admin.page.getByRole('button', { name: 'Replace the framework' });
    await expect(apply).toBeDisabled();
    await admin.page.getByLabel(/To apply this replace, type/).fill('replace');
    await expect(apply).toBeEnabled();
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    await admin.page.screenshot({ path: `${screens}/framework-import-replace.png`, fullPage: true });
    // Not applied: the demo keeps its framework for the other tests.
    await admin.context.close();
  });

  test('the overview and an outcome page have no serious accessibility violations (and are photographed)', async ({
    browser,
  }) => {
    const admin = await signedInAdministrator(browser);
    const grid = new FrameworkOverviewPage(admin.page);
    await grid.open('demo');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    await admin.page.screenshot({ path: `${screens}/framework-overview.png`, fullPage: true });

    await grid.cell('safe', 'child').getByRole('link').first().click();
    const outcome = new OutcomePage(admin.page);
    await outcome.statement.waitFor();
    await admin.page
      .getByRole('button', { name: /^Edit metric/ })
      .first()
      .click();
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    await admin.page.screenshot({ path: `${screens}/framework-outcome.png`, fullPage: true });

    await admin.page.setViewportSize({ width: 390, height: 844 });
    await grid.open('demo');
    expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    await admin.page.screenshot({ path: `${screens}/framework-overview-narrow.png`, fullPage: true });
    await admin.context.close();
  });
});

/** A framework CSV whose rows have mistakes a person could make. */
function badCsv(): Buffer {
  return Buffer.from(
    [
      'Domain,Level,Outcome,Indicator,Metric,Polarity',
      'Sporty,Babies children and young people,Children play out,Play,Minutes a day,Higher is better',
      'Safe,Babies children and young people,Children are safe,Injuries,Admissions,Upwards',
    ].join('\r\n'),
  );
}
