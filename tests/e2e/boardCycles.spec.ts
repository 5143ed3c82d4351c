import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import type { CreateMeetingRequest, Meeting, UpdateMeetingRequest } from '../../shared/schemas/cycles.ts';
import { readMappingText, updateDataMapping } from '../../shared/model/dataMapping/index.ts';
import { readMetrics } from '../../shared/model/framework/index.ts';
import { fingertipsCsv, fingertipsPeriod } from '../server/evidence/fingertipsFactory.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { DataMappingPage, EvidencePages } from './support/evidencePages.ts';
import { FrameworkOverviewPage, OutcomePage } from './support/frameworkPages.ts';
import { outcomesPartnershipWith } from './support/needsAssessment.ts';
import { agreePriorities, changeWorkspace, seedOutcomes } from './support/workspaceSeed.ts';

// Screenshots to review; SCREENS_DIR keeps them out of the shared test-results/ that parallel runs clear.
const screens = process.env.SCREENS_DIR ?? 'test-results/screens';

test.beforeAll(() => fs.mkdirSync(screens, { recursive: true }));

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screens}/${name}.png`, fullPage: true });
}

/** Schedules a meeting through the API and sets its agenda and attendance, as the meeting page would. */
async function scheduleMeeting(
  request: APIRequestContext,
  partnershipId: string,
  meeting: CreateMeetingRequest,
  details: UpdateMeetingRequest,
): Promise<Meeting> {
  const created = await request.post(`/api/partnerships/${partnershipId}/meetings`, { data: meeting });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as Meeting;
  const updated = await request.patch(`/api/meetings/${id}`, { data: details });
  expect(updated.status(), await updated.text()).toBe(200);
  return (await updated.json()) as Meeting;
}

/** A Fingertips export in which smoking at delivery in the area is worse than England and the region, and rising. */
function worseningSmokingExport(): string {
  const years = [
    ['2019/20', '20190000', '9.0', '8.1', '8.4'],
    ['2020/21', '20200000', '10.9', '7.9', '8.2'],
    ['2021/22', '20210000', '12.8', '7.6', '8.0'],
  ] as const;
  return fingertipsCsv(
    years.flatMap(([period, sortable, area, region, england]) =>
      fingertipsPeriod(
        period,
        sortable,
        { area, region, england },
        {
          'Compared to England value or percentiles': 'Worse 95%',
          'Compared to London region value or percentiles': 'Worse 95%',
        },
      ),
    ),
  );
}

/** Counts the pages of a PDF: its `/Type /Page` objects (the `/Type /Pages` tree nodes are not pages). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
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

    // Ella also finds that smoking at delivery is only partly held, and says why, on the data mapping grid.
    const smoking = 'Smoking at time of delivery';
    const partlyHeld = 'Only quarterly figures from the maternity unit';
    const ellaMapping = new DataMappingPage(ella.page, partnershipId);
    await ellaMapping.open();
    await expect(ellaMapping.status(smoking)).toHaveValue('');
    await ellaMapping.status(smoking).selectOption({ label: 'Partial' });
    await expect(ellaMapping.status(smoking)).toHaveValue('partial');
    await ellaMapping.reason(smoking).fill(partlyHeld);
    await expect(ellaMapping.reason(smoking)).toHaveValue(partlyHeld);

    // "What changed" shows the reworded outcome, the new words marked as inserted, and the data availability move.
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
    const dataMapping = page.getByTestId('changes-data-mapping');
    await expect(async () => {
      await page.reload();
      await expect(
        dataMapping.getByTestId('change').filter({ hasText: `Partial (was not yet mapped): ${partlyHeld}` }),
      ).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(dataMapping.getByRole('heading', { level: 2, name: /^Data mapping/ })).toBeVisible();
    await expect(dataMapping.getByTestId('change')).toHaveCount(1);
    await expect(dataMapping.getByTestId('change')).toContainText(smoking);
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

  test('the chair opens the board pack for the next meeting, reads every section, downloads it in Word and prints it', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Harbourside Board', [
      { displayName: 'Omar Hassan', role: 'editor' },
    ]);
    const chair = admin;
    const [omar] = people as [(typeof people)[0]];
    const { page } = chair;
    const { request } = chair.context;
    const omarId = ((await (await omar.context.request.get('/api/me')).json()) as { user: { id: string } }).user.id;

    // Evidence the pack reports by exception: smoking at delivery worse than England and rising.
    const evidence = new EvidencePages(page, partnershipId);
    await evidence.openImport();
    await evidence.importFingertips('fingertips-smoking.csv', worseningSmokingExport());
    await expect(evidence.report()).toContainText('new');

    // And a gap for the data development agenda: another metric's data are only partly available.
    const gapReason = 'Published only as a total for the whole region';
    const gapMetric = await changeWorkspace(
      chair,
      baseURL!,
      partnershipId,
      (doc) => {
        const metric = readMetrics(doc).metrics.find((candidate) => candidate.name !== 'Smoking at time of delivery')!;
        const patch = {
          status: 'partial',
          reason: gapReason,
          owner: 'NHS Riverside',
          nextStep: 'Ask for borough figures',
        } as const;
        updateDataMapping(doc, metric.id, patch, { by: chair.name, on: '2027-04-01' });
        return metric;
      },
      (doc, metric) => readMappingText(doc, metric.id, 'reason')?.toString() === gapReason,
    );

    // The March board met, kept an action and closed: a version is taken for "what changed" to start from.
    const march = await scheduleMeeting(
      request,
      partnershipId,
      { title: 'Harbourside board, March', startsAt: '2027-03-11T10:00:00Z', place: 'Harbourside Library' },
      { agenda: [{ kind: 'text', title: 'Welcome and apologies' }], attendeeIds: [omarId] },
    );
    const action = await request.post(`/api/partnerships/${partnershipId}/actions`, {
      data: {
        text: 'Ask maternity services for smoking cessation referrals',
        owner: 'Omar Hassan',
        dueDate: '2027-04-30',
        meetingId: march.id,
      },
    });
    expect(action.status(), await action.text()).toBe(201);
    const closed = await request.post(`/api/meetings/${march.id}/close`);
    expect(closed.status(), await closed.text()).toBe(200);

    // Since then the partnership added two outcomes and the board agreed one as a priority.
    const statements = {
      smokeFree: 'Babies are born into smoke-free homes',
      talk: 'Children talk and listen well by the age of two',
    };
    const [smokeFree, talk] = await seedOutcomes(chair, baseURL!, partnershipId, [
      { domain: 'healthy', level: 'child', statement: statements.smokeFree },
      { domain: 'learning', level: 'child', statement: statements.talk },
    ]);
    await agreePriorities(
      chair,
      partnershipId,
      [{ id: smokeFree!, label: statements.smokeFree }],
      [{ id: talk!, label: statements.talk }],
    );

    const may = await scheduleMeeting(
      request,
      partnershipId,
      { title: 'Harbourside board, May', startsAt: '2027-05-13T14:00:00Z', place: 'Harbourside Library' },
      {
        agenda: [
          { kind: 'text', title: 'Welcome and apologies' },
          { kind: 'text', title: 'Smoking in pregnancy: what the figures say' },
        ],
        attendeeIds: [omarId],
      },
    );

    // The chair opens the pack from the meeting's page.
    await page.goto(`/p/${partnershipId}/meetings/${may.id}`);
    await page.getByRole('link', { name: /^Board pack/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Harbourside board, May/ })).toBeVisible();
    const pack = page.getByTestId('board-pack');
    const section = (name: string) => pack.getByRole('region', { name, exact: true });
    await expect(section('Agenda')).toContainText('Smoking in pregnancy: what the figures say');
    await expect(section('Minutes of the last meeting')).toContainText('Harbourside board, March');
    await expect(section('Actions log')).toContainText('Ask maternity services for smoking cessation referrals');
    await expect(section('What changed since the last meeting')).toContainText('Harbourside board, March');
    await expect(section('What changed since the last meeting')).toContainText(statements.smokeFree);
    await expect(section('Current priorities and decisions')).toContainText(statements.smokeFree);
    await expect(section('Current priorities and decisions')).toContainText('The board agreed these priorities.');
    await expect(section('Indicators by exception')).toContainText('Smoking at time of delivery');
    await expect(section('Indicators by exception').getByRole('table')).toContainText('12.8');
    await expect(section('Data development agenda').getByRole('row', { name: new RegExp(gapReason) })).toContainText(
      gapMetric.name,
    );
    // The chart's key is a row of small line samples, not each one stretched to the chart's width.
    const keySample = section('Indicators by exception').locator('figcaption svg').first();
    expect((await keySample.boundingBox())?.width).toBeLessThan(60);
    await checkScreen(page, 'board-pack');

    // The Word form downloads from the page's link: a .docx is a zip whose document names the meeting.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const docx = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const documentXml = await docx.file('word/document.xml')?.async('string');
    expect(documentXml).toContain('Harbourside board, May');

    // Printed to A4 it is a PDF of several pages, kept for people to look at.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('link', { name: 'Download Word (.docx)' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    fs.writeFileSync(`${screens}/board-pack.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);

    for (const context of [omar.context, chair.context]) await context.close();
  });
});
