import { expect, test } from '@playwright/test';
import {
  buildAccount,
  createInvitation,
  createPartnership,
  joinByInvitation,
  personFor,
  signIn,
  signedInAdministrator,
} from './support/people.ts';

test.describe('sessions', () => {
  test('signing out everywhere ends the session in another browser, which is sent to sign in and back', async ({
    browser,
  }) => {
    const admin = await signedInAdministrator(browser);
    const partnershipId = await createPartnership(admin, 'Sessions partnership');
    const account = buildAccount({ displayName: 'Kofi Mensah' });
    const laptop = await joinByInvitation(
      browser,
      await createInvitation(admin, partnershipId, { role: 'editor' }),
      account,
    );
    const phone = await personFor(browser, account);
    await signIn(phone.page, account.email, account.password);
    await phone.account.open();

    await laptop.account.open();
    await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(laptop.page).toHaveURL(/\/sign-in$/);
    await expect(laptop.page.getByText('You have been signed out on every device and browser.')).toBeVisible();

    // The other browser finds out at its next request, and is brought back after signing in again.
    await phone.page.getByRole('button', { name: 'Save your details' }).click();
    await expect(phone.page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await expect(phone.page.getByText('Your session has ended.')).toBeVisible();
    await signIn(phone.page, account.email, account.password);
    await expect(phone.page).toHaveURL(/\/account$/);

    for (const person of [admin, laptop, phone]) await person.context.close();
  });
});
