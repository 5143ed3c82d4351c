import { expect, test } from '@playwright/test';
import { partnershipWith, signIn } from './support/people.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';

test.describe('a shared workspace', () => {
  test('two people see each other and each other’s edits live', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Live edit partnership', [
      // Facilitators: only they rename the partnership (an editor's name field is read-only; see below).
      { displayName: 'Amira Khan', role: 'facilitator' },
      { displayName: 'Ben Ortiz', role: 'facilitator' },
    ]);
    const [amira, ben] = people as [(typeof people)[0], (typeof people)[0]];
    await amira.workspace.open(partnershipId);
    await ben.workspace.open(partnershipId);

    await expect(amira.workspace.presence).toContainText('Ben Ortiz');
    await expect(ben.workspace.presence).toContainText('Amira Khan');
    await expect(ben.workspace.presence).toContainText('Ben Ortiz (you)');
    await expect(ben.workspace.presence).toContainText('2 people here');

    await amira.workspace.nameField.fill('Riverside Family Hubs Partnership');
    await expect(ben.workspace.nameField).toHaveValue('Riverside Family Hubs Partnership');

    await ben.workspace.descriptionField.click();
    await expect(amira.page.getByTestId('field-presence-profile.description')).toHaveText(/Ben Ortiz is editing/);
    await ben.workspace.descriptionField.pressSequentially('Council, NHS, schools and the voluntary sector.');
    await expect(amira.workspace.descriptionField).toHaveValue('Council, NHS, schools and the voluntary sector.');

    // Typing at the same time in one field merges both people's words.
    await amira.workspace.nameField.press('End');
    await ben.workspace.nameField.click();
    await ben.workspace.nameField.press('Home');
    await Promise.all([
      amira.workspace.nameField.pressSequentially(' (draft)'),
      ben.workspace.nameField.pressSequentially('The '),
    ]);
    const merged = 'The Riverside Family Hubs Partnership (draft)';
    await expect(amira.workspace.nameField).toHaveValue(merged);
    await expect(ben.workspace.nameField).toHaveValue(merged);

    // A facilitator corrects the ONS code the evidence is matched by.
    await amira.page.getByLabel('ONS area code').fill('e09000025');
    await amira.page.getByRole('button', { name: 'Save the area' }).click();
    await expect(amira.page.getByText(/^Saved: .*ONS code E09000025/)).toBeVisible();

    await ben.context.close();
    await expect(amira.workspace.presence).toContainText('Only you are here');
    await amira.context.close();
    await admin.context.close();
  });

  test('edits made offline are kept on the device, survive a reload, and merge on reconnect', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Offline partnership', [
      { displayName: 'Amira Khan', role: 'facilitator' },
      { displayName: 'Ben Ortiz', role: 'editor' },
    ]);
    const [amira, ben] = people as [(typeof people)[0], (typeof people)[0]];
    // route() does not see WebSockets; routeWebSocket() does, for pages opened after it, so it comes first.
    let serverReachable = true;
    await ben.context.routeWebSocket(/\/collab\//, (socket) => {
      if (serverReachable) socket.connectToServer();
      else void socket.close({ code: 4000, reason: 'unreachable' });
    });
    await amira.workspace.open(partnershipId);
    await ben.workspace.open(partnershipId);
    await amira.workspace.nameField.fill('Northside partnership');
    await expect(ben.workspace.nameField).toHaveValue('Northside partnership');

    await ben.context.setOffline(true);
    await expect(ben.workspace.status).toContainText('Offline');
    await ben.workspace.descriptionField.fill('Written on the train');
    await expect(ben.workspace.status).toContainText(/Offline — \d+ changes? saved on this device/);

    // Meanwhile the other person keeps working.
    await amira.workspace.nameField.fill('Northside Family Hubs');

    // A reload while still offline keeps the work (served from IndexedDB once the page itself loads).
    serverReachable = false;
    await ben.context.setOffline(false);
    await ben.page.reload();
    await expect(ben.workspace.descriptionField).toHaveValue('Written on the train');
    await expect(ben.workspace.status).not.toContainText('Connected');
    await expect(amira.workspace.descriptionField).toHaveValue('');
    serverReachable = true;

    await expect(ben.workspace.status).toContainText('Connected');
    await expect(amira.workspace.descriptionField).toHaveValue('Written on the train');
    await expect(ben.workspace.nameField).toHaveValue('Northside Family Hubs');
    await amira.context.close();
    await ben.context.close();
    await admin.context.close();
  });

  test('the workspace screen has no serious accessibility violations', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Accessible partnership', [
      { displayName: 'Amira Khan', role: 'editor' },
    ]);
    const amira = people[0]!;
    await amira.workspace.open(partnershipId);
    await amira.workspace.descriptionField.fill('Council, NHS, schools and the voluntary sector.');
    await expect(amira.workspace.role).toContainText('Editor');
    // An editor does not rename the partnership, and is told so beside the name.
    await expect(amira.workspace.nameField).toHaveAttribute('readonly', '');
    await expect(amira.page.getByText('Only facilitators can rename the partnership.')).toBeVisible();
    expect(await seriousAccessibilityViolations(amira.page)).toEqual([]);
    await amira.page.screenshot({ path: 'test-results/screens/workspace.png', fullPage: true });
    await amira.context.close();
    await admin.context.close();
  });

  test('someone who is not signed in is asked to sign in, then lands in the workspace they asked for', async ({
    browser,
  }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Come back partnership', [
      { displayName: 'Chidi Okafor', role: 'editor' },
    ]);
    const chidi = people[0]!;
    // A fresh browser for the same person: no session cookie.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/p/${partnershipId}`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/p/${partnershipId}`)}`));
    await signIn(page, chidi.email, chidi.password);
    await expect(page).toHaveURL(new RegExp(`/p/${partnershipId}$`));
    await expect(page.getByTestId('connection-status')).toContainText('Connected');
    await expect(page.getByRole('region', { name: 'People here now' })).toContainText('Chidi Okafor (you)');

    // Old workspace addresses still work.
    await page.goto(`/w/${partnershipId}`);
    await expect(page).toHaveURL(new RegExp(`/p/${partnershipId}$`));
    await context.close();
    await chidi.context.close();
    await admin.context.close();
  });
});
