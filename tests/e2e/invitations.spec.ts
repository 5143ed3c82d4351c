import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { forgedProfileNameFrames, profileNameIn, sendOnRawSocket } from './support/forgedWrite.ts';
import {
  buildAccount,
  createInvitation,
  createPartnership,
  joinByInvitation,
  personFor,
  signIn,
  signedInAdministrator,
} from './support/people.ts';

test.describe('invitations and roles', () => {
  test('a facilitator invites an editor and a viewer; the editor’s edits reach both live; the viewer cannot edit', async ({
    browser,
  }) => {
    // The administrator creates the partnership and so becomes its first facilitator.
    const facilitator = await signedInAdministrator(browser);
    await facilitator.page.getByRole('link', { name: 'Create partnership' }).click();
    await facilitator.page.getByLabel('Partnership name').fill('Riverside Family Hubs');
    await facilitator.page.getByLabel('Area name').fill('Riverside');
    await facilitator.page.getByLabel('ONS area code').fill('e09000024');
    await facilitator.page.getByRole('button', { name: 'Create partnership' }).click();
    await expect(facilitator.page).toHaveURL(/\/p\/[a-z0-9-]+\/members$/);
    await expect(facilitator.page.getByTestId('members-notice')).toContainText(
      'Riverside Family Hubs has been created',
    );
    const partnershipId = new URL(facilitator.page.url()).pathname.split('/')[2]!;

    const editorLink = await facilitator.members.invite({
      note: 'Priya Shah, health visiting lead',
      role: 'editor',
      organisation: 'Riverside NHS Foundation Trust',
      isVotingMember: true,
    });
    expect(await seriousAccessibilityViolations(facilitator.page)).toEqual([]);
    await facilitator.page.screenshot({ path: 'test-results/screens/invitation-link.png', fullPage: true });
    await facilitator.members.inviteAnother();
    const viewerLink = await facilitator.members.invite({
      note: 'Tom Reed, school governor',
      role: 'viewer',
      organisation: 'Riverside Primary School',
    });
    await expect(facilitator.members.pendingInvitations).toContainText('Priya Shah, health visiting lead');
    await expect(facilitator.members.pendingInvitations).toContainText('Tom Reed, school governor');

    // Each person accepts in their own browser, creating their account from the link.
    const priyaAccount = buildAccount({ displayName: 'Priya Shah', organisation: 'Riverside NHS Foundation Trust' });
    const priya = await personFor(browser, priyaAccount);
    await priya.invitation.open(editorLink);
    await expect(priya.page.getByRole('heading', { level: 1 })).toHaveText('Join Riverside Family Hubs');
    await expect(priya.page.getByTestId('invitation-summary')).toContainText('Editor');
    await expect(priya.page.getByTestId('invitation-summary')).toContainText('You will vote in prioritisation rounds');
    await priya.invitation.createAccount(priyaAccount);
    await expect(priya.workspace.role).toContainText('Editor');
    await expect(priya.workspace.status).toContainText('Connected');

    const tomAccount = buildAccount({ displayName: 'Tom Reed', organisation: 'Riverside Primary School' });
    const tom = await personFor(browser, tomAccount);
    await tom.invitation.open(viewerLink);
    await expect(tom.page.getByTestId('invitation-summary')).toContainText('Viewer');
    await tom.invitation.createAccount(tomAccount);
    await expect(tom.workspace.role).toContainText('Viewer');
    await expect(tom.workspace.role).toContainText('cannot change content');
    await expect(tom.workspace.status).toContainText('Connected');

    // A link works once.
    const latecomer = await personFor(browser, buildAccount());
    await latecomer.invitation.open(editorLink);
    await expect(latecomer.page.getByRole('heading', { level: 1 })).toHaveText('This invitation link cannot be used');
    await latecomer.context.close();

    // The editor's edits appear live for the facilitator and the viewer.
    await facilitator.workspace.open(partnershipId);
    await expect(facilitator.workspace.presence).toContainText('Priya Shah');
    await expect(facilitator.workspace.presence).toContainText('Tom Reed');
    // Only facilitators rename: the editor's name field is read-only and says why; the facilitator's rename
    // reaches the editor and the viewer live.
    await expect(priya.workspace.nameField).toHaveAttribute('readonly', '');
    await expect(priya.page.getByText('Only facilitators can rename the partnership.')).toBeVisible();
    await facilitator.workspace.nameField.fill('Riverside Family Hubs Partnership');
    await expect(priya.workspace.nameField).toHaveValue('Riverside Family Hubs Partnership');
    await expect(tom.workspace.nameField).toHaveValue('Riverside Family Hubs Partnership');

    // The viewer's controls are read only, and they are told why.
    await expect(tom.workspace.nameField).toHaveAttribute('readonly', '');
    await expect(tom.workspace.descriptionField).toHaveAttribute('readonly', '');
    await expect(tom.workspace.readOnlyNotice).toContainText('your role is viewer');
    await tom.workspace.nameField.click();
    await tom.page.keyboard.type('Tom was here ');
    await expect(tom.workspace.nameField).toHaveValue('Riverside Family Hubs Partnership');
    expect(await seriousAccessibilityViolations(tom.page)).toEqual([]);
    await tom.page.screenshot({ path: 'test-results/screens/workspace-viewer.png', fullPage: true });

    // A write forced onto the viewer's own authenticated socket is dropped by the server.
    const forged = 'FORGED BY A VIEWER';
    const serverCopy = await sendOnRawSocket(tom.page, partnershipId, forgedProfileNameFrames(forged));
    expect(profileNameIn(serverCopy)).toBe('Riverside Family Hubs Partnership');
    // Later edits still flow, and the forged text never reached anyone.
    await priya.workspace.descriptionField.fill('Council, NHS, schools and the voluntary sector.');
    await expect(facilitator.workspace.descriptionField).toHaveValue('Council, NHS, schools and the voluntary sector.');
    await expect(tom.workspace.descriptionField).toHaveValue('Council, NHS, schools and the voluntary sector.');
    await expect(facilitator.workspace.nameField).toHaveValue('Riverside Family Hubs Partnership');
    await expect(priya.workspace.nameField).toHaveValue('Riverside Family Hubs Partnership');

    // Both newcomers are listed with the role, organisation and voting flag they were invited with.
    await facilitator.members.open(partnershipId);
    await expect(facilitator.members.row('Priya Shah')).toContainText('Riverside NHS Foundation Trust');
    await expect(facilitator.members.row('Priya Shah')).toContainText('Editor');
    await expect(facilitator.members.row('Priya Shah')).toContainText('Yes');
    await expect(facilitator.members.row('Tom Reed')).toContainText('Viewer');
    await expect(facilitator.members.pendingInvitations).toHaveCount(0);

    for (const person of [facilitator, priya, tom]) await person.context.close();
  });

  test('someone who already has an account is told to sign in, and comes back to accept', async ({ browser }) => {
    const admin = await signedInAdministrator(browser);
    const first = await createPartnership(admin, 'Lakeside Family Hubs');
    const second = await createPartnership(admin, 'Hillside Family Hubs');
    const account = buildAccount({ displayName: 'Ruth Adeyemi' });
    const ruth = await joinByInvitation(browser, await createInvitation(admin, first, { role: 'editor' }), account);
    await ruth.context.close();
    const link = await createInvitation(admin, second, { role: 'commenter', organisation: 'Hillside Council' });

    // On another computer, not signed in, Ruth tries to create an account again.
    const laptop = await personFor(browser, account);
    await laptop.invitation.open(link);
    const form = laptop.page.getByTestId('create-account-form');
    await form.getByLabel('Your full name').fill(account.displayName);
    await form.getByLabel('Email address').fill(account.email);
    await form.getByLabel('Create a password').fill(account.password);
    await form.getByRole('button', { name: 'Create account and join' }).click();
    await expect(laptop.page.getByTestId('error-summary')).toContainText(
      'There is already an account with this email address',
    );
    await expect(form.getByLabel('Your full name')).toHaveValue(account.displayName);

    await laptop.page.getByRole('link', { name: 'Sign in instead' }).click();
    await signIn(laptop.page, account.email, account.password);
    await expect(laptop.page).toHaveURL(new URL(link).pathname);
    await laptop.page.getByRole('button', { name: 'Accept and join Hillside Family Hubs' }).click();
    await expect(laptop.workspace.role).toContainText('Commenter');
    await laptop.page.getByRole('link', { name: 'Your partnerships' }).click();
    await expect(laptop.page.getByTestId('partnership-card')).toHaveCount(2);

    await admin.context.close();
    await laptop.context.close();
  });
});
