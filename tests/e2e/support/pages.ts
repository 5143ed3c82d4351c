import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../../shared/model/roles.ts';
import { roleDescriptions } from '../../../shared/model/roles.ts';
import type { NewAccount } from '../../../shared/schemas/auth.ts';

/** The workspace screen, in the words a person would use. */
export class WorkspacePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}`);
    await this.status.getByText('Connected').waitFor();
  }

  get nameField(): Locator {
    return this.page.getByLabel('Partnership name');
  }

  get descriptionField(): Locator {
    return this.page.getByLabel('Description');
  }

  get status(): Locator {
    return this.page.getByTestId('connection-status');
  }

  get presence(): Locator {
    return this.page.getByRole('region', { name: 'People here now' });
  }

  get role(): Locator {
    return this.page.getByTestId('role-summary');
  }

  get readOnlyNotice(): Locator {
    return this.page.getByTestId('read-only-notice');
  }
}

/** The members screen: the table, the invitation form and the pending invitations. */
export class MembersPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/members`);
    await this.table.waitFor();
  }

  get table(): Locator {
    return this.page.getByTestId('members-table');
  }

  row(name: string): Locator {
    return this.table.getByTestId('member-row').filter({ hasText: name });
  }

  /** Fills in and sends the invitation form; returns the link shown once. */
  async invite(invitation: {
    note: string;
    role: Role;
    organisation: string;
    isVotingMember?: boolean;
  }): Promise<string> {
    const form = this.page.getByTestId('invite-form');
    await form.getByLabel('Who is this invitation for? (optional)').fill(invitation.note);
    await form.getByRole('radio', { name: roleDescriptions[invitation.role].label }).check();
    await form.getByLabel('Organisation they represent').fill(invitation.organisation);
    if (invitation.isVotingMember) await form.getByLabel('They are a voting member').check();
    await form.getByRole('button', { name: 'Create invitation link' }).click();
    const created = this.page.getByTestId('created-invitation');
    await expect(created).toBeVisible();
    const link = await created.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/invite\//);
    return link;
  }

  /** After an invitation, back to a blank form for the next person. */
  async inviteAnother(): Promise<void> {
    await this.page.getByRole('button', { name: 'Invite someone else' }).click();
  }

  get pendingInvitations(): Locator {
    return this.page.getByTestId('pending-invitations');
  }
}

/** Where an invitation link lands. */
export class AcceptInvitationPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(link: string): Promise<void> {
    await this.page.goto(new URL(link).pathname);
  }

  /** Creates an account from the invitation; lands in the partnership's workspace. */
  async createAccount(account: NewAccount): Promise<void> {
    const form = this.page.getByTestId('create-account-form');
    await form.getByLabel('Your full name').fill(account.displayName);
    await form.getByLabel('Your organisation').fill(account.organisation);
    await form.getByLabel('Email address').fill(account.email);
    await form.getByLabel('Create a password').fill(account.password);
    await form.getByRole('button', { name: 'Create account and join' }).click();
    await expect(this.page).toHaveURL(/\/p\/[a-z0-9-]+$/);
  }
}

/** The account screen. */
export class AccountPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto('/account');
    await this.page.getByRole('heading', { name: 'Your account' }).waitFor();
  }
}
