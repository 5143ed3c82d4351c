import { expect, type Locator, type Page } from '@playwright/test';
import { domainLabel, levelLabel } from '../../../shared/model/framework/index.ts';
import type { Domain, Level } from '../../../shared/schemas/framework.ts';

/** The framework overview: the grid of domains × levels, search and filters, recently deleted. */
export class FrameworkOverviewPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/framework`);
    await this.grid.waitFor();
  }

  get grid(): Locator {
    return this.page.getByTestId('framework-grid');
  }

  cell(domain: Domain, level: Level): Locator {
    return this.page.getByTestId(`cell-${domain}-${level}`);
  }

  outcome(domain: Domain, level: Level, statement: string): Locator {
    return this.cell(domain, level).getByTestId('outcome-card').filter({ hasText: statement });
  }

  /** Adds outcomes to a cell by keyboard alone: focus the button, Enter, type, Enter; Escape when done. */
  async addOutcomesByKeyboard(domain: Domain, level: Level, statements: readonly string[]): Promise<void> {
    const name = `Add an outcome to ${domainLabel(domain)}, ${levelLabel(level).toLowerCase()}`;
    await this.cell(domain, level).getByRole('button', { name }).focus();
    await this.page.keyboard.press('Enter');
    for (const statement of statements) {
      await expect(this.cell(domain, level).getByRole('textbox')).toBeFocused();
      await this.page.keyboard.type(statement);
      await this.page.keyboard.press('Enter');
      await expect(this.outcome(domain, level, statement)).toBeVisible();
    }
    await this.page.keyboard.press('Escape');
  }

  get notice(): Locator {
    return this.page.getByTestId('framework-notice');
  }

  get count(): Locator {
    return this.page.getByTestId('framework-count');
  }

  get search(): Locator {
    return this.page.getByTestId('framework-search');
  }
}

/** One outcome's page. */
export class OutcomePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get statement(): Locator {
    return this.page.getByTestId('outcome-statement');
  }

  get description(): Locator {
    return this.page.getByTestId('outcome-description');
  }

  get presence(): Locator {
    return this.page.getByTestId('outcome-presence');
  }

  get position(): Locator {
    return this.page.getByTestId('outcome-position');
  }

  get indicators(): Locator {
    return this.page.getByTestId('indicator');
  }

  get notice(): Locator {
    return this.page.getByTestId('framework-notice');
  }

  /** Adds an indicator by name through its one-field form. */
  async addIndicator(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a new indicator to this outcome' }).click();
    await this.page.getByLabel('Indicator name').fill(name);
    await this.page.keyboard.press('Enter');
    await expect(this.indicators.filter({ hasText: name })).toBeVisible();
  }

  /** Adds a metric under an indicator; its fields open at once. */
  async addMetric(indicator: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add a metric to ${indicator}` }).click();
    await this.page.getByLabel('Metric name').fill(name);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('metric').filter({ hasText: name })).toBeVisible();
  }
}
