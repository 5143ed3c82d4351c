import { expect, type Locator, type Page } from '@playwright/test';

/** Comments on one thing a screen shows: a data-mapping row's "Comments (N)" or a "Comments (N open)" disclosure. */
export class EntityCommentsPanel {
  readonly page: Page;
  /** The region holding the threads and the form, once opened. */
  readonly region: Locator;
  readonly #open: () => Promise<void>;

  private constructor(page: Page, region: Locator, open: () => Promise<void>) {
    this.page = page;
    this.region = region;
    this.#open = open;
  }

  /** The comments of one metric's row of the data mapping grid (they open in a row below it). */
  static onMappingRow(page: Page, metricName: string): EntityCommentsPanel {
    const toggle = EntityCommentsPanel.mappingToggle(page, metricName);
    const region = page.locator('tr.mapping-row__comments-panel').filter({
      has: page
        .getByRole('heading', { name: `Data mapping: ${metricName}` })
        .or(page.getByLabel(`Comment on the data mapping of ${metricName}`)),
    });
    return new EntityCommentsPanel(page, region, async () => {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    });
  }

  /** The button of a data mapping row, whose name counts its open comments. */
  static mappingToggle(page: Page, metricName: string): Locator {
    return page.getByRole('button', { name: new RegExp(`^Comments \\(\\d+\\).* the data mapping of ${metricName}$`) });
  }

  /** A "Comments (N open)" disclosure found by its test id (e.g. `evidence-comments`). */
  static disclosure(page: Page, testId: string): EntityCommentsPanel {
    const details = page.getByTestId(testId);
    return new EntityCommentsPanel(page, details, async () => {
      if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
        await details.locator('summary').first().click();
      }
    });
  }

  async open(): Promise<void> {
    await this.#open();
  }

  get threads(): Locator {
    return this.region.getByTestId('comment-thread');
  }

  /** Starts a thread; `mention` is typed after an `@` and chosen from the list with Enter. */
  async write(body: string, mention?: { typed: string; name: string }): Promise<void> {
    await this.open();
    const field = this.region.getByLabel(/^Comment on /);
    await field.fill(body);
    if (mention) {
      await field.pressSequentially(` @${mention.typed}`);
      await expect(this.region.getByRole('option', { name: new RegExp(`^${mention.name}`) })).toBeVisible();
      await field.press('Enter');
    }
    await this.region.getByRole('button', { name: 'Add comment' }).click();
    await expect(field).toHaveValue('');
  }
}
