import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { NewAccount } from '../../../shared/schemas/auth.ts';
import { personFor, type Person } from './people.ts';

/** A network's screens, in the words a coordinator would use. */
export class NetworkPages {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Creates a network through the Networks screen (administrators); returns its id. */
  async create(name: string): Promise<string> {
    await this.page.goto('/networks');
    const form = this.page.getByTestId('create-network-form');
    await form.getByLabel('Name of the network').fill(name);
    await form.getByRole('button', { name: 'Create the network' }).click();
    await expect(this.page).toHaveURL(/\/networks\/[0-9a-f-]{36}\/members$/);
    return new URL(this.page.url()).pathname.split('/')[2]!;
  }

  async openCommonCore(networkId: string): Promise<void> {
    await this.page.goto(`/networks/${networkId}`);
    await expect(this.page.getByTestId('core-summary')).toBeVisible();
  }

  async openTemplateVersions(networkId: string): Promise<void> {
    await this.page.goto(`/networks/${networkId}/template-versions`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Published versions' })).toBeVisible();
  }

  async openDataAgenda(networkId: string): Promise<void> {
    await this.page.goto(`/networks/${networkId}/data-agenda`);
    await expect(this.page.getByTestId('data-agenda-rule')).toBeVisible();
  }

  /** Shows one type of item in the common core's table and heat map. */
  async showType(label: 'Outcomes' | 'Indicators' | 'Metrics'): Promise<void> {
    await this.page.getByLabel('Type of item').selectOption({ label });
  }

  /** A row of the common core's table, by the item's wording. */
  coreRow(label: string): Locator {
    return this.page.getByTestId('core-item-row').filter({ has: this.page.getByRole('rowheader', { name: label }) });
  }

  get draft(): Locator {
    return this.page.getByTestId('draft-version');
  }

  /** Adds a new metric to the draft, under the first indicator offered. */
  async draftMetric(name: string): Promise<void> {
    await this.draft.getByText('Add a metric', { exact: true }).click();
    const form = this.page.getByTestId('add-metric-form');
    await form.getByLabel('Indicator it measures').selectOption({ index: 1 });
    await form.getByLabel('Name of the metric').fill(name);
    await form.getByLabel('Unit (optional)').fill('%');
    await form.getByRole('button', { name: 'Add the metric to the draft' }).click();
    await expect(this.draft.getByTestId('draft-change').filter({ hasText: name })).toBeVisible();
  }

  /** Adds a rewording of the first outcome offered to the draft. */
  async draftOutcomeRewording(to: string): Promise<void> {
    await this.draft.getByText('Reword an item', { exact: true }).click();
    const form = this.page.getByTestId('reword-form');
    await form.getByLabel('Type of item').selectOption('outcome');
    await form.getByLabel('The outcome to reword').selectOption({ index: 1 });
    await form.getByLabel('New wording').fill(to);
    await form.getByRole('button', { name: 'Add the rewording to the draft' }).click();
    await expect(this.draft.getByTestId('draft-change').filter({ hasText: to })).toBeVisible();
  }
}

/** A partnership's Networks page, in the words a facilitator would use. */
export class PartnershipNetworksPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/networks`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
  }

  network(name: string): Locator {
    return this.page.getByTestId('partnership-network').filter({ hasText: name });
  }

  /** One template change, by words in its description. */
  update(text: string): Locator {
    return this.page.getByTestId('template-update').filter({ hasText: text });
  }

  async decide(text: string, choice: 'Adopt' | 'Decline'): Promise<void> {
    const update = this.update(text);
    await update.getByRole('button', { name: new RegExp(`^${choice}`) }).click();
    await expect(update.getByTestId('template-update-choice')).toHaveText(choice === 'Adopt' ? 'Adopted' : 'Declined');
  }
}

/** Someone new accepts a coordinator invitation by creating an account (through the API), in their own context. */
export async function coordinatorByInvitation(browser: Browser, link: string, account: NewAccount): Promise<Person> {
  const person = await personFor(browser, account);
  const token = new URL(link).pathname.split('/').pop() ?? '';
  const response = await person.context.request.post(`/api/network-invitations/${token}/accept`, { data: account });
  expect(response.status(), await response.text()).toBe(200);
  return person;
}
