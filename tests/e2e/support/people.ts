import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Role } from '../../../shared/model/roles.ts';
import type { NewAccount } from '../../../shared/schemas/auth.ts';
import { AcceptInvitationPage, AccountPage, MembersPage, WorkspacePage } from './pages.ts';

/** The instance administrator the test server creates from ADMIN_EMAIL / ADMIN_PASSWORD (see playwright.config.ts). */
export const administrator = {
  email: 'admin@example.org',
  password: 'correct horse battery staple',
} as const;

/** One person in their own browser context (own cookies, storage and connection), with page objects. */
export interface Person {
  name: string;
  email: string;
  password: string;
  context: BrowserContext;
  page: Page;
  workspace: WorkspacePage;
  members: MembersPage;
  invitation: AcceptInvitationPage;
  account: AccountPage;
}

let accountsBuilt = 0;

/** A new account's details; the email is unique within the run, the password long enough. */
export function buildAccount(overrides: Partial<NewAccount> = {}): NewAccount {
  accountsBuilt += 1;
  const displayName = overrides.displayName ?? `Test Person ${accountsBuilt}`;
  const local = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  return {
    displayName,
    organisation: 'Riverside Council',
    email: `${local}.${accountsBuilt}.${Date.now().toString(36)}@example.org`,
    password: 'three random words here',
    ...overrides,
  };
}

/** Opens a browser context for someone; nobody is signed in yet. */
export async function personFor(
  browser: Browser,
  account: { displayName: string; email: string; password: string },
): Promise<Person> {
  const context = await browser.newContext();
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

/** Signs in through the sign-in screen and waits until the app has moved on from it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The administrator, signed in in a browser context of their own. */
export async function signedInAdministrator(browser: Browser): Promise<Person> {
  const admin = await personFor(browser, { displayName: 'Administrator', ...administrator });
  await signIn(admin.page, admin.email, admin.password);
  return admin;
}

// Setting up through the API (with the person's own cookies) keeps tests that are about something else quick;
// the invitation flow itself is exercised through the screens in invitations.spec.ts.

/** Creates a partnership as a signed-in administrator; returns its id. */
export async function createPartnership(admin: Person, name: string): Promise<string> {
  const response = await admin.context.request.post('/api/partnerships', {
    data: { name, areaName: 'Riverside', areaCode: 'E09000024', template: 'blank' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Creates an invitation as a facilitator; returns the single-use link. */
export async function createInvitation(
  facilitator: Person,
  partnershipId: string,
  invitation: { role: Role; organisation?: string; isVotingMember?: boolean; note?: string },
): Promise<string> {
  const response = await facilitator.context.request.post(`/api/partnerships/${partnershipId}/invitations`, {
    data: { organisation: 'Riverside Council', isVotingMember: false, note: '', ...invitation },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { url: string }).url;
}

/** Someone new accepts an invitation link by creating an account; they end up signed in in their own context. */
export async function joinByInvitation(browser: Browser, link: string, account: NewAccount): Promise<Person> {
  const person = await personFor(browser, account);
  const token = new URL(link).pathname.split('/').pop() ?? '';
  const response = await person.context.request.post(`/api/invitations/${token}/accept`, { data: account });
  expect(response.status(), await response.text()).toBe(200);
  return person;
}

/** A new partnership with the given people invited into it (each signed in in their own context). */
export async function partnershipWith(
  browser: Browser,
  name: string,
  people: readonly { displayName: string; role: Role; organisation?: string }[],
): Promise<{ partnershipId: string; admin: Person; people: Person[] }> {
  const admin = await signedInAdministrator(browser);
  const partnershipId = await createPartnership(admin, name);
  const joined: Person[] = [];
  for (const { displayName, role, organisation = 'Riverside Council' } of people) {
    const link = await createInvitation(admin, partnershipId, { role, organisation });
    joined.push(await joinByInvitation(browser, link, buildAccount({ displayName, organisation })));
  }
  return { partnershipId, admin, people: joined };
}
