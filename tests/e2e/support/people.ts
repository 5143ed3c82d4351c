import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

/** One person in their own browser context (own cookies, storage and connection). */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  workspace: WorkspacePage;
}

/** Opens a browser context for a named person; its name is already remembered on the device. */
export async function personNamed(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext();
  await context.addInitScript((displayName) => {
    window.localStorage.setItem('common-ground.display-name', displayName);
  }, name);
  const page = await context.newPage();
  return { name, context, page, workspace: new WorkspacePage(page) };
}

/** The workspace screen, in the words a person would use. */
export class WorkspacePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string): Promise<void> {
    await this.page.goto(`/w/${partnershipId}`);
    await this.page.getByTestId('connection-status').getByText('Connected').waitFor();
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
}
