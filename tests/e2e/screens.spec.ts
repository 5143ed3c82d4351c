import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import {
  administrator,
  buildAccount,
  createInvitation,
  createPartnership,
  joinByInvitation,
  personFor,
  signedInAdministrator,
} from './support/people.ts';

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.describe('screens are accessible and clear', () => {
  test('sign in: errors are summarised, linked to their fields, and what was typed is kept', async ({ browser }) => {
    const visitor = await personFor(browser, buildAccount());
    const { page } = visitor;
    await page.goto('/sign-in');
    await expect(page).toHaveTitle('Sign in – Common Ground');
    await checkScreen(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Enter an email address in the right format, like name@example.org',
      'Enter your password',
    ]);
    await expect(page).toHaveTitle('Error: Sign in – Common Ground');
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await checkScreen(page, 'sign-in-errors');

    // A wrong password: the server's message, against the email field, with the email still there.
    await page.getByLabel('Email address').fill(administrator.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary).toContainText('The email or password is not right');
    await expect(page.getByLabel('Email address')).toHaveValue(administrator.email);

    // Too many attempts: the server's words say when to try again. (Answered here without tripping the real limit.)
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 429,
        json: { error: { code: 'rate_limited', message: 'Too many failed attempts. Try again in 15 minutes.' } },
      }),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary).toContainText('Too many failed attempts. Try again in 15 minutes.');
    await visitor.context.close();
  });

  test('the skip link takes keyboard users straight to the main content', async ({ browser }) => {
    const admin = await signedInAdministrator(browser);
    await admin.page.goto('/');
    await admin.page.keyboard.press('Tab');
    const skip = admin.page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await admin.page.keyboard.press('Enter');
    await expect(admin.page.locator('main')).toBeFocused();
    await admin.page.keyboard.press('Tab');
    await expect(admin.page.getByRole('link', { name: 'Create partnership' })).toBeFocused();
    await admin.context.close();
  });

  test('partnerships list, create partnership, members and audit log for a facilitator', async ({ browser }) => {
    const admin = await signedInAdministrator(browser);
    const partnershipId = await createPartnership(admin, 'Northbank Family Hubs');
    const link = await createInvitation(admin, partnershipId, {
      role: 'commenter',
      organisation: 'Northbank Police',
      note: 'Sgt Dana Lee',
    });
    await joinByInvitation(browser, link, buildAccount({ displayName: 'Dana Lee', organisation: 'Northbank Police' }));
    await createInvitation(admin, partnershipId, {
      role: 'editor',
      organisation: 'Northbank Council',
      note: 'Sam Patel, early help lead',
      isVotingMember: true,
    });

    await admin.page.goto('/');
    await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Your partnerships');
    await expect(admin.page.getByTestId('partnership-card').filter({ hasText: 'Northbank' })).toContainText(
      'Facilitator',
    );
    await checkScreen(admin.page, 'partnerships');

    await admin.page.getByRole('link', { name: 'Create partnership' }).click();
    await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Create a partnership');
    await admin.page.getByLabel('ONS area code').fill('Riverside');
    await admin.page.getByRole('button', { name: 'Create partnership' }).click();
    await expect(admin.page.getByTestId('error-summary')).toContainText('Enter the partnership name');
    await expect(admin.page.getByTestId('error-summary')).toContainText('Enter an ONS area code like E09000024');
    await expect(admin.page.getByLabel('ONS area code')).toHaveValue('Riverside');
    await checkScreen(admin.page, 'create-partnership-errors');

    await admin.members.open(partnershipId);
    await expect(admin.members.row('Dana Lee')).toContainText('Commenter');
    await expect(admin.members.pendingInvitations).toContainText('Sam Patel, early help lead');
    await admin.members.row('Dana Lee').getByRole('button', { name: 'Change Dana Lee' }).click();
    await expect(admin.page.getByRole('heading', { name: 'Change Dana Lee’s membership' })).toBeFocused();
    await checkScreen(admin.page, 'members');
    await admin.page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.members.row('Dana Lee')).toContainText('Viewer');

    await admin.page.getByRole('link', { name: 'Audit log' }).click();
    await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
    await expect(admin.page.getByTestId('audit-table')).toContainText('Accepted an invitation');
    const roleChange = admin.page
      .getByTestId('audit-table')
      .getByRole('row')
      .filter({ hasText: 'Changed a membership' });
    await expect(roleChange).toContainText(/Member:\s*Dana Lee/);
    await expect(roleChange).toContainText(/Role:\s*Commenter → Viewer/);
    await checkScreen(admin.page, 'audit-log');
    await admin.context.close();
  });

  test('accept invitation: new account, signed in, and a link that cannot be used', async ({ browser }) => {
    const admin = await signedInAdministrator(browser);
    const partnershipId = await createPartnership(admin, 'Eastfield Family Hubs');
    const link = await createInvitation(admin, partnershipId, {
      role: 'editor',
      organisation: 'Eastfield NHS Foundation Trust',
      isVotingMember: true,
    });

    const newcomer = await personFor(browser, buildAccount());
    await newcomer.invitation.open(link);
    await expect(newcomer.page.getByRole('heading', { level: 1 })).toHaveText('Join Eastfield Family Hubs');
    await expect(newcomer.page.getByText('Must be at least 12 characters')).toBeVisible();
    await checkScreen(newcomer.page, 'accept-invitation');
    await newcomer.page.getByRole('button', { name: 'Create account and join' }).click();
    await expect(newcomer.page.getByTestId('error-summary')).toContainText('Enter your name');
    // The organisation was filled in from the invitation and is kept.
    await expect(newcomer.page.getByLabel('Your organisation')).toHaveValue('Eastfield NHS Foundation Trust');
    await checkScreen(newcomer.page, 'accept-invitation-errors');

    // Someone already signed in accepts with one button.
    const colleagueLink = await createInvitation(admin, partnershipId, { role: 'viewer' });
    const colleague = await joinByInvitation(
      browser,
      await createInvitation(admin, await createPartnership(admin, 'Westfield Family Hubs'), { role: 'editor' }),
      buildAccount({ displayName: 'Grace Obi' }),
    );
    await colleague.invitation.open(colleagueLink);
    await expect(colleague.page.getByText('You are signed in as Grace Obi')).toBeVisible();
    await checkScreen(colleague.page, 'accept-invitation-signed-in');
    await colleague.page.getByRole('button', { name: 'Accept and join Eastfield Family Hubs' }).click();
    await expect(colleague.page).toHaveURL(new RegExp(`/p/${partnershipId}$`));
    await expect(colleague.workspace.role).toContainText('Viewer');

    await colleague.invitation.open(colleagueLink);
    await expect(colleague.page.getByRole('heading', { level: 1 })).toHaveText('This invitation link cannot be used');
    await checkScreen(colleague.page, 'accept-invitation-used');
    for (const person of [admin, newcomer, colleague]) await person.context.close();
  });

  test('account: details, password, API tokens shown once, sign out', async ({ browser }) => {
    const admin = await signedInAdministrator(browser);
    const partnershipId = await createPartnership(admin, 'Southgate Family Hubs');
    const account = buildAccount({ displayName: 'Lena Novak' });
    const lena = await joinByInvitation(
      browser,
      await createInvitation(admin, partnershipId, { role: 'editor' }),
      account,
    );

    await lena.account.open();
    await lena.page.getByRole('textbox', { name: 'Name for a new token' }).fill('Data upload script');
    // Read only is offered first; an upload script needs to change things, for a limited time.
    await expect(lena.page.getByRole('radio', { name: 'Read only' })).toBeChecked();
    await lena.page.getByRole('radio', { name: 'Read and change' }).check();
    await lena.page.getByLabel('Stops working after').selectOption({ label: '30 days' });
    await lena.page.getByRole('button', { name: 'Create token' }).click();
    const created = lena.page.getByTestId('created-token');
    await expect(created.getByLabel('Your new token')).not.toHaveValue('');
    await created.getByRole('button', { name: 'Copy token' }).click();
    await expect(created.getByRole('status')).toContainText(/Copied|press Ctrl and C/);
    const row = lena.page.getByTestId('tokens-table').getByRole('row', { name: /Data upload script/ });
    await expect(row).toContainText('Read and change');
    const in30Days = new Date(Date.now() + 30 * 86_400_000);
    await expect(row).toContainText(String(in30Days.getUTCFullYear()));
    await expect(row).not.toContainText('Never (until revoked)');
    await checkScreen(lena.page, 'account');

    await lena.page.getByLabel('Your full name').fill('Lena Novak-Berg');
    await lena.page.getByRole('button', { name: 'Save your details' }).click();
    await expect(lena.page.getByText('Your details have been saved.')).toBeVisible();
    await expect(lena.page.getByTestId('signed-in-as')).toContainText('Lena Novak-Berg');

    await lena.page.getByRole('button', { name: 'Revoke the token Data upload script' }).click();
    await expect(lena.page.getByText('You have no API tokens.')).toBeVisible();

    await lena.page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
    await expect(lena.page).toHaveURL(/\/sign-in$/);
    await expect(lena.page.getByText('You have been signed out.')).toBeVisible();
    await lena.page.goto('/account');
    await expect(lena.page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    for (const person of [admin, lena]) await person.context.close();
  });

  test('a set-up link after set-up says so plainly', async ({ browser }) => {
    const visitor = await personFor(browser, buildAccount());
    await visitor.page.goto('/setup/not-a-real-setup-link');
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('This set-up link cannot be used');
    await checkScreen(visitor.page, 'setup-used');
    await visitor.context.close();
  });
});
