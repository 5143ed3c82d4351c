import { expect, type Locator, type Page } from '@playwright/test';

/** A prioritisation round's screen, in the words a voter or facilitator would use. */
export class RoundPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string, roundId: string): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/rounds/${roundId}`);
    await expect(this.liveStatus).toContainText('Live');
  }

  get liveStatus(): Locator {
    return this.page.getByTestId('live-status');
  }

  get turnout(): Locator {
    return this.page.getByTestId('turnout');
  }

  get ballot(): Locator {
    return this.page.getByTestId('ballot-form');
  }

  get dotsLeft(): Locator {
    return this.page.getByTestId('dots-left');
  }

  get ballotStatus(): Locator {
    return this.page.getByTestId('ballot-status');
  }

  get results(): Locator {
    return this.page.getByTestId('results');
  }

  get resultsTable(): Locator {
    return this.page.getByTestId('results-table');
  }

  /** Adds `count` dots to a candidate with its "Add a dot" button. */
  async addDots(label: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.page.getByRole('button', { name: `Add a dot to ${label}` }).click();
  }

  async saveVote(): Promise<void> {
    await this.ballot.getByRole('button', { name: /Save my vote|Save changes to my vote/ }).click();
    await expect(this.ballotStatus).toContainText('Your vote is saved');
  }
}
