import { expect, type Locator, type Page } from '@playwright/test';

/** The theory of change screens, in the words a person would use. */
export class TheoryOfChangePages {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async openOffer(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/theory-of-change`);
    await this.page.getByRole('heading', { name: 'Theory of change', level: 1, exact: true }).waitFor();
    await this.status.getByText('Connected').waitFor();
  }

  async openGraph(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/theory-of-change/graph`);
    await this.page.getByRole('heading', { name: 'Theory of change graph', level: 1 }).waitFor();
    await this.status.getByText('Connected').waitFor();
  }

  async openMatrix(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/theory-of-change/matrix`);
    await this.page.getByRole('heading', { name: 'Coverage matrix', level: 1 }).waitFor();
    await this.status.getByText('Connected').waitFor();
  }

  get status(): Locator {
    return this.page.getByTestId('connection-status');
  }

  /** Adds an action from the offer page; lands on its page. */
  async addAction(action: { name: string; provider: string; delivery: string }): Promise<void> {
    const form = this.page.getByTestId('add-action-form');
    await form.getByLabel('Name of the service or action').fill(action.name);
    await form.getByLabel('Provider organisation (optional)').fill(action.provider);
    await form.getByLabel('How it is delivered').selectOption({ label: action.delivery });
    await form.getByRole('button', { name: 'Add and open it' }).click();
    await expect(this.page.getByRole('heading', { name: action.name, level: 1 })).toBeVisible();
  }

  /** Links the action on screen to an outcome, chosen by its statement. */
  async linkTo(outcome: string, evidence: string): Promise<void> {
    const form = this.page.getByTestId('add-link-form');
    const select = form.getByLabel('Outcome or indicator this action is meant to move');
    const value = await select.locator('option', { hasText: outcome }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    await form.getByLabel('Evidence strength').selectOption({ label: evidence });
    await form.getByRole('button', { name: 'Add link' }).click();
    await expect(this.linkCard(outcome)).toBeVisible();
  }

  /** Points a link whose outcome was removed at another outcome. */
  async repoint(removedOutcome: string, outcome: string): Promise<void> {
    const panel = this.linkCard(removedOutcome).getByTestId('removed-target');
    const select = panel.getByLabel('Point this link at');
    const value = await select.locator('option', { hasText: outcome }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    await panel.getByRole('button', { name: 'Point the link here' }).click();
    await expect(this.linkCard(outcome)).toBeVisible();
  }

  linkCard(outcome: string): Locator {
    return this.page.getByTestId('link-card').filter({ has: this.page.getByRole('heading', { name: outcome }) });
  }

  async addAssumption(outcome: string, text: string, owner: string): Promise<void> {
    const form = this.linkCard(outcome).getByTestId('add-assumption-form');
    await form.getByLabel('New assumption').fill(text);
    await form.getByLabel('Who will check it (optional)').fill(owner);
    await form.getByRole('button', { name: 'Add assumption' }).click();
  }

  get graphLinks(): Locator {
    return this.page.locator('[data-testid="toc-graph"] [data-edge^="link:"]');
  }

  get linksTableRows(): Locator {
    return this.page.getByTestId('links-table-row');
  }

  matrixRow(outcome: string): Locator {
    return this.page.getByTestId('matrix-row').filter({ hasText: outcome });
  }
}
