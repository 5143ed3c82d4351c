import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { FrameworkOverviewPage, OutcomePage } from './support/frameworkPages.ts';
import { outcomesPartnershipWith } from './support/needsAssessment.ts';

// Screenshots to review; SCREENS_DIR keeps them out of the shared test-results/ that parallel runs clear.
const screens = process.env.SCREENS_DIR ?? 'test-results/screens';

test.beforeAll(() => fs.mkdirSync(screens, { recursive: true }));

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screens}/${name}.png`, fullPage: true });
}

/** One meeting's page, in the words a board member would use. */
class MeetingPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get agenda(): Locator {
    return this.page.getByTestId('agenda');
  }

  get minutes(): Locator {
    return this.page.getByRole('textbox', { name: /^Minutes of / });
  }

  get openActions(): Locator {
    return this.page.getByTestId('open-actions');
  }

  /** What the last change in a section said (agenda, attendance or actions), as announced. */
  status(section: 'agenda' | 'attendance' | 'actions'): Locator {
    return this.page.getByTestId(`${section}-status`);
  }

  async addAgendaItem(title: string): Promise<void> {
    const form = this.page.getByTestId('add-agenda-item');
    // The form stays open after an item is added, ready for the next.
    if (!(await form.isVisible())) await this.page.getByText('Add an agenda item').click();
    await form.getByLabel('Agenda item').fill(title);
    await form.getByRole('button', { name: 'Add to the agenda' }).click();
    await expect(this.agenda.getByTestId('agenda-item').filter({ hasText: title })).toBeVisible();
  }

  async addAction(action: { text: string; owner: string; dueDate: string }): Promise<void> {
    const form = this.page.getByTestId('add-action-form');
    if (!(await form.isVisible())) await this.page.getByText('Add an action').click();
    await form.getByLabel('Action', { exact: true }).fill(action.text);
    await form.getByLabel('Owner (optional)').fill(action.owner);
    await form.getByLabel('Due date (optional)').fill(action.dueDate);
    await form.getByRole('button', { name: 'Add the action' }).click();
    await expect(this.openActions.getByTestId('action-row').filter({ hasText: action.text })).toBeVisible();
  }
}

test.describe('board cycles', () => {
  test('a board schedules a meeting, writes its minutes together, keeps actions, sees what changed, and closes it', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Riverside Board', [
      { displayName: 'Ella Evans', role: 'editor' },
    ]);
    const chair = admin;
    const [ella] = people as [(typeof people)[0]];
    const { page } = chair;

    // The chair finds Meetings in the partnership's sections and schedules one; a bad form loses nothing typed.
    await page.goto(`/p/${partnershipId}`);
    await page
      .getByRole('navigation', { name: 'Partnership sections' })
      .getByRole('link', { name: 'Meetings' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    const schedule = page.getByTestId('schedule-meeting-form');
    await schedule.getByLabel('Date').fill('2027-03-11');
    await schedule.getByLabel('Place or link (optional)').fill('Riverside Town Hall, Committee Room 2');
    await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Give the meeting a title');
    await expect(summary).toContainText('Enter the time the meeting starts');
    await expect(schedule.getByLabel('Place or link (optional)')).toHaveValue('Riverside Town Hall, Committee Room 2');
    await checkScreen(page, 'meetings-list-errors');
    await schedule.getByLabel('Title').fill('Partnership board, March');
    await schedule.getByLabel('Start time').fill('10:00');
    await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partnership board, March' })).toBeVisible();
    const meetingUrl = new URL(page.url()).pathname;
    const chairMeeting = new MeetingPage(page);
    await expect(page.getByRole('link', { name: /^Board pack/ })).toHaveAttribute('href', `${meetingUrl}/pack`);
    await page.getByText('Change the title, date, time or place').click();
    await page
      .getByTestId('meeting-details-form')
      .getByLabel('Place or link (optional)')
      .fill('Riverside Town Hall, Room 3');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await expect(page.getByTestId('details-status')).toHaveText('Meeting details saved.');
    await expect(page.getByTestId('meeting-details')).toContainText('Riverside Town Hall, Room 3');
    await expect(page.getByTestId('meeting-details')).toContainText('11 Mar 2027, 10:00');
    await chairMeeting.addAgendaItem('Apologies and declarations of interest');
    await chairMeeting.addAgendaItem('Family hub opening hours');
    await expect(chairMeeting.status('agenda')).toHaveText('Added to the agenda.');
    // The second item moves above the first.
    await page.getByRole('button', { name: 'Move “Family hub opening hours” up' }).click();
    await expect(chairMeeting.agenda.getByTestId('agenda-item').first()).toContainText('Family hub opening hours');

    // Ella, an editor in her own browser, sees the meeting in the list and opens it.
    await ella.page.goto(`/p/${partnershipId}/meetings`);
    await ella.page.getByTestId('upcoming-meetings').getByRole('link', { name: 'Partnership board, March' }).click();
    const ellaMeeting = new MeetingPage(ella.page);
    await expect(ellaMeeting.agenda).toContainText('Apologies and declarations of interest');
    await expect(ella.page.getByRole('button', { name: 'Close meeting' })).toHaveCount(0);
    await expect(ella.page.getByRole('button', { name: 'Move “Family hub opening hours” up' })).toHaveCount(0);

    // Both write the minutes and see each other's words.
    await chairMeeting.minutes.click();
    await chairMeeting.minutes.pressSequentially('Apologies from NHS Riverside.');
    await expect(ellaMeeting.minutes).toHaveText('Apologies from NHS Riverside.');
    await ellaMeeting.minutes.click();
    await ellaMeeting.minutes.press('ControlOrMeta+End');
    await ellaMeeting.minutes.pressSequentially(' Opening hours agreed.');
    await expect(chairMeeting.minutes).toHaveText('Apologies from NHS Riverside. Opening hours agreed.');

    // Attendance and an action.
    await page.getByTestId('attendance-form').getByLabel('Ella Evans').check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await expect(chairMeeting.status('attendance')).toContainText('Attendance saved');
    await chairMeeting.addAction({
      text: 'Ask the ICB for health visiting figures',
      owner: 'Ella Evans',
      dueDate: '2027-04-01',
    });
    await expect(page.getByRole('heading', { name: 'Actions log' })).toBeFocused();
    await page.getByLabel('Status of “Ask the ICB for health visiting figures”').selectOption('in-progress');
    await expect(chairMeeting.status('actions')).toContainText('is now in progress');
    await checkScreen(page, 'meeting-page');
    await ella.page.reload();
    await expect(ellaMeeting.openActions).toContainText('Ask the ICB for health visiting figures');
    await checkScreen(ella.page, 'meeting-page-editor');

    // The chair takes a version; Ella then rewords an outcome.
    await page
      .getByRole('navigation', { name: 'Partnership sections' })
      .getByRole('link', { name: 'Versions' })
      .click();
    await page.getByTestId('take-version-form').getByLabel('Name of the version').fill('Before the March board');
    await page.getByRole('button', { name: 'Take a version' }).click();
    await expect(page.getByTestId('version-taken')).toContainText('Before the March board');
    await expect(page.getByTestId('version-row').filter({ hasText: 'Before the March board' })).toBeVisible();
    await checkScreen(page, 'versions');

    const grid = new FrameworkOverviewPage(ella.page);
    await grid.open(partnershipId);
    await grid.grid.getByTestId('outcome-card').first().getByRole('link').first().click();
    const outcome = new OutcomePage(ella.page);
    // The statement is bound to the shared document: wait until it has arrived before reading it.
    await expect(outcome.statement).not.toHaveValue('');
    const before = await outcome.statement.inputValue();
    const reworded = `${before} in every neighbourhood`;
    await outcome.statement.click();
    await outcome.statement.press('End');
    await outcome.statement.pressSequentially(' in every neighbourhood');
    await expect(outcome.statement).toHaveValue(reworded);

    // "What changed" shows the reworded outcome, the new words marked as inserted.
    await page
      .getByTestId('version-row')
      .filter({ hasText: 'Before the March board' })
      .getByRole('link', {
        name: /Compare with now/,
      })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'What changed' })).toBeVisible();
    await expect(page.getByTestId('changes-summary')).not.toBeEmpty();
    const framework = page.getByTestId('changes-framework');
    await expect(async () => {
      await page.reload();
      await expect(framework.getByTestId('change').filter({ hasText: 'in every neighbourhood' })).toBeVisible({
        timeout: 1000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(framework.locator('ins').filter({ hasText: 'neighbourhood' })).toBeVisible();
    await checkScreen(page, 'changes');

    // The version's own page says what it holds.
    await page.getByRole('link', { name: 'Before the March board' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Version: Before the March board' })).toBeVisible();
    await expect(page.getByTestId('version-counts')).toContainText('Outcomes');
    await checkScreen(page, 'version');

    // The chair closes the meeting; a version is taken and the record becomes read-only.
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: 'Close meeting' }).click();
    const confirmation = page.getByTestId('close-confirmation');
    await expect(confirmation).toContainText('A version of the whole partnership is taken');
    await confirmation.getByRole('button', { name: 'Yes, close the meeting' }).click();
    await expect(page.getByTestId('meeting-closed')).toBeVisible();
    await expect(page.getByTestId('meeting-status')).toContainText('Closed');
    await expect(chairMeeting.minutes).toHaveAttribute('aria-readonly', 'true');
    await expect(page.getByRole('button', { name: 'Add to the agenda' })).toHaveCount(0);
    await checkScreen(page, 'meeting-closed');

    await page.goto(`/p/${partnershipId}/meetings`);
    await expect(page.getByTestId('past-meetings')).toContainText('Partnership board, March');
    await checkScreen(page, 'meetings-list');
    await page.goto(`/p/${partnershipId}/versions`);
    await expect(page.getByTestId('version-row').filter({ hasText: 'A meeting closed' })).toBeVisible();

    // The next meeting opens with what changed since this one closed, and the open action carries over to it.
    await page.goto(`/p/${partnershipId}/meetings`);
    const schedule2 = page.getByTestId('schedule-meeting-form');
    await schedule2.getByLabel('Title').fill('Partnership board, May');
    await schedule2.getByLabel('Date').fill('2027-05-13');
    await schedule2.getByLabel('Start time').fill('14:00');
    await schedule2.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partnership board, May' })).toBeVisible();
    await expect(chairMeeting.openActions).toContainText('Ask the ICB for health visiting figures');
    await page.getByTestId('what-changed-link').click();
    await expect(page.getByTestId('changes-between')).toContainText('Partnership board, March');
    await page.goto(`/p/${partnershipId}/versions`);

    // Restoring a version makes a new partnership; this one is left as it is.
    await page.getByRole('link', { name: 'Before the March board', exact: true }).click();
    const restore = page.getByTestId('restore-copy-form');
    await restore.getByLabel('Name of the new partnership').fill('Riverside Board (before March)');
    await restore.getByRole('button', { name: 'Restore as a copy' }).click();
    await expect(page.getByTestId('partnership-name')).toContainText('Riverside Board (before March)');
    expect(new URL(page.url()).pathname).not.toContain(partnershipId);

    for (const context of [ella.context, chair.context]) await context.close();
  });
});
