import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { NeedsAssessmentPage } from '../e2e/support/needsAssessment.ts';
import { AcceptInvitationPage, AccountPage, MembersPage, WorkspacePage } from '../e2e/support/pages.ts';
import { administrator, buildAccount, createInvitation, signIn, type Person } from '../e2e/support/people.ts';
import { clusterInstances, waitUntilReady } from './support/instances.ts';

// Issue 12, "Prove it": two people in two browsers, each pinned to a different instance, co-edit and see each
// other's presence. Everything between the two browsers goes instance → Redis (and PostgreSQL) → instance.

const instances = clusterInstances();

/** Like people.ts's personFor, but the person's browser talks to one given instance only. */
async function personOn(
  browser: Browser,
  origin: string,
  account: { displayName: string; email: string; password: string },
): Promise<Person> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  return {
    name: account.displayName,
    email: account.email,
    password: account.password,
    context,
    page,
    workspace: new WorkspacePage(page),
    members: new MembersPage(page),
    invitation: new AcceptInvitationPage(page),
    account: new AccountPage(page),
  };
}

/** Every collaboration socket the page opens, to show it never talks to the other instance. */
function recordSockets(page: Page): string[] {
  const urls: string[] = [];
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}

test.beforeAll(async () => {
  await waitUntilReady(instances.first);
  await waitUntilReady(instances.second);
});

test('two people on two instances co-write the needs assessment and see each other there', async ({ browser }) => {
  // The administrator sets up on the first instance; the accounts and the partnership are in PostgreSQL, so the
  // second instance knows them too.
  const admin = await personOn(browser, instances.first, { displayName: 'Administrator', ...administrator });
  await signIn(admin.page, admin.email, admin.password);
  const created = await admin.context.request.post('/api/partnerships', {
    data: {
      name: 'Two-instance partnership',
      areaName: 'Riverside',
      areaCode: 'E09000024',
      template: 'common-outcomes',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const partnershipId = ((await created.json()) as { id: string }).id;

  // Amira joins on the first instance, Ben on the second, each through the invitation screen of their own instance
  // (the links were made on the first; only their path is used, as a person on the other instance would).
  const amiraAccount = buildAccount({ displayName: 'Amira Khan' });
  const benAccount = buildAccount({ displayName: 'Ben Ortiz' });
  const amira = await personOn(browser, instances.first, amiraAccount);
  const ben = await personOn(browser, instances.second, benAccount);
  for (const [person, account] of [
    [amira, amiraAccount],
    [ben, benAccount],
  ] as const) {
    const link = await createInvitation(admin, partnershipId, { role: 'editor' });
    await person.invitation.open(link);
    await person.invitation.createAccount(account);
  }

  const amiraSockets = recordSockets(amira.page);
  const benSockets = recordSockets(ben.page);
  const amiraScreen = new NeedsAssessmentPage(amira.page);
  const benScreen = new NeedsAssessmentPage(ben.page);
  await amiraScreen.open(partnershipId);
  await benScreen.open(partnershipId);
  expect(new URL(amira.page.url()).origin).toBe(instances.first);
  expect(new URL(ben.page.url()).origin).toBe(instances.second);

  // Each sees the other in the presence bar, though their sockets are on different instances.
  await expect(amira.workspace.presence).toContainText('Amira Khan (you)');
  await expect(amira.workspace.presence).toContainText('Ben Ortiz');
  await expect(amira.workspace.presence).toContainText('2 people here');
  await expect(ben.workspace.presence).toContainText('Ben Ortiz (you)');
  await expect(ben.workspace.presence).toContainText('Amira Khan');
  await expect(ben.workspace.presence).toContainText('2 people here');

  const amiraText = amiraScreen.narrative('Safe');
  const benText = benScreen.narrative('Safe');

  // Amira types on the first instance; Ben sees her words, and that she is the one editing.
  await amiraText.click();
  await amiraText.pressSequentially('Referrals rose in 2025.');
  await expect(benText).toHaveText('Referrals rose in 2025.');
  await expect(ben.page.getByTestId('field-presence-narrative:domain:safe')).toHaveText(/Amira Khan is editing/);

  // Ben types on the second instance; Amira sees his words and his caret.
  await benText.click();
  await benText.press('ControlOrMeta+End');
  await benText.pressSequentially(' Most were for neglect.');
  const together = 'Referrals rose in 2025. Most were for neglect.';
  await expect(amiraText).toHaveText(together);
  await expect(benText).toHaveText(together);
  await expect(amira.page.getByTestId('field-presence-narrative:domain:safe')).toHaveText(/Ben Ortiz is editing/);
  await expect(amira.page.locator('.collaboration-carets__label[data-name="Ben Ortiz"]')).toBeVisible();

  // Each browser's collaboration sockets all went to its own instance.
  const collabOn = (origin: string): RegExp => new RegExp(`^${origin.replace('http:', 'ws:')}/collab`);
  expect(amiraSockets.length).toBeGreaterThan(0);
  expect(benSockets.length).toBeGreaterThan(0);
  for (const url of amiraSockets) expect(url).toMatch(collabOn(instances.first));
  for (const url of benSockets) expect(url).toMatch(collabOn(instances.second));

  await sideBySide(path.join(test.info().project.outputDir, 'two-instances.png'), [
    { label: `Amira Khan on instance 1 (${instances.first})`, page: amira.page },
    { label: `Ben Ortiz on instance 2 (${instances.second})`, page: ben.page },
  ]);

  // Ben leaves: his instance tells the other, and Amira is alone again.
  await ben.context.close();
  await expect(amira.workspace.presence).toContainText('Only you are here');
  await expect(amira.workspace.presence).not.toContainText('Ben Ortiz');

  for (const context of [amira.context, admin.context]) await context.close();
});

/** Screenshots of several browsers, labelled, in one image (saved outside the repository's tracked files). */
async function sideBySide(file: string, shots: readonly { label: string; page: Page }[]): Promise<void> {
  const images = await Promise.all(
    shots.map(async ({ label, page }) => ({ label, png: (await page.screenshot()).toString('base64') })),
  );
  const context = await shots[0]!.page
    .context()
    .browser()!
    .newContext({ viewport: { width: 2 * 1280 + 48, height: 800 } });
  const page = await context.newPage();
  await page.setContent(
    `<body style="margin:0;padding:16px;display:flex;gap:16px;font:16px system-ui;background:#ddd">${images
      .map(
        ({ label, png }) =>
          `<figure style="margin:0"><figcaption style="padding:4px 0">${label}</figcaption>` +
          `<img style="width:1280px;border:1px solid #888" src="data:image/png;base64,${png}"></figure>`,
      )
      .join('')}</body>`,
  );
  await page.locator('img').evaluateAll((all) => Promise.all(all.map((img) => (img as HTMLImageElement).decode())));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  await context.close();
  await test.info().attach('both browsers', { path: file, contentType: 'image/png' });
}
