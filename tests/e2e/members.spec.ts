import { expect, test } from '@playwright/test';
import { roleDescriptions } from '../../shared/model/roles.ts';
import { partnershipWith } from './support/people.ts';

test.describe('managing members', () => {
  test('a facilitator changes a member’s role and removes them; the member’s open workspace follows', async ({
    browser,
  }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Role change partnership', [
      { displayName: 'Omar Haddad', role: 'viewer', organisation: 'Riverside Police' },
    ]);
    const omar = people[0]!;
    await omar.workspace.open(partnershipId);
    await expect(omar.workspace.nameField).toHaveAttribute('readonly', '');

    // Viewer → editor: the role description follows the choice before saving.
    await admin.members.open(partnershipId);
    await admin.members.row('Omar Haddad').getByRole('button', { name: 'Change Omar Haddad' }).click();
    await admin.page.getByLabel('Role', { exact: true }).selectOption('editor');
    await expect(admin.members.table.getByText(roleDescriptions.editor.summary)).toBeVisible();
    await admin.page.getByLabel('Voting member', { exact: true }).check();
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.page.getByTestId('members-notice')).toContainText('Omar Haddad’s membership has been updated');
    await expect(admin.members.row('Omar Haddad')).toContainText('Editor');
    await expect(admin.members.row('Omar Haddad')).toContainText('Yes');

    // Omar's open workspace becomes editable without a reload, and his edit reaches others.
    await expect(omar.workspace.role).toContainText('Editor');
    await expect(omar.workspace.descriptionField).not.toHaveAttribute('readonly');
    await expect(omar.workspace.status).toContainText('Connected');
    await omar.workspace.descriptionField.fill('Edited by Omar');
    await admin.workspace.open(partnershipId);
    await expect(admin.workspace.descriptionField).toHaveValue('Edited by Omar');

    // The last facilitator cannot step down; the reason is given in words.
    await admin.members.open(partnershipId);
    await admin.members.row('Administrator').getByRole('button', { name: 'Change Administrator' }).click();
    await admin.page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.page.getByTestId('error-summary')).toContainText(
      'A partnership must keep at least one facilitator',
    );
    await admin.page.getByRole('button', { name: 'Cancel' }).click();

    // Removal asks first, says what it does, and takes effect on Omar's open workspace.
    await admin.members.row('Omar Haddad').getByRole('button', { name: 'Remove Omar Haddad' }).click();
    await expect(
      admin.page.getByRole('heading', { name: 'Remove Omar Haddad from Role change partnership?' }),
    ).toBeFocused();
    await admin.page.getByRole('button', { name: 'Yes, remove Omar Haddad' }).click();
    await expect(admin.page.getByTestId('members-notice')).toContainText(
      'Omar Haddad has been removed from Role change partnership',
    );
    await expect(admin.members.row('Omar Haddad')).toHaveCount(0);
    await expect(omar.page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this partnership');

    await admin.context.close();
    await omar.context.close();
  });

  test('members who are not facilitators see the list but cannot change it', async ({ browser }) => {
    const { partnershipId, admin, people } = await partnershipWith(browser, 'Read only members', [
      { displayName: 'Ines Duarte', role: 'editor' },
    ]);
    const ines = people[0]!;
    await ines.members.open(partnershipId);
    await expect(ines.members.row('Administrator')).toContainText('Facilitator');
    await expect(ines.members.table.getByRole('button')).toHaveCount(0);
    await expect(ines.page.getByTestId('invite-form')).toHaveCount(0);
    // Emails are personal data: only facilitators see them.
    await expect(ines.members.table).not.toContainText('@example.org');
    await expect(ines.page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await admin.context.close();
    await ines.context.close();
  });
});
