import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../../shared/model/roles.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';
import { buildAccount, createInvitation, joinByInvitation, signedInAdministrator, type Person } from './people.ts';

/** The needs assessment screen, in the words a person would use. */
export class NeedsAssessmentPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(partnershipId: string, domain: Domain = 'safe'): Promise<void> {
    await this.page.goto(`/p/${partnershipId}/needs-assessment?domain=${domain}`);
    await expect(this.status).toContainText('Connected');
    await this.narrative('Safe').waitFor();
  }

  /** A domain narrative's editor, e.g. "Narrative for Safe". */
  narrative(domainLabel: string): Locator {
    return this.page.getByRole('textbox', { name: `Narrative for ${domainLabel}` });
  }

  get status(): Locator {
    return this.page.getByTestId('connection-status');
  }

  get comments(): Locator {
    return this.page.getByRole('complementary', { name: 'Comments' });
  }

  get threads(): Locator {
    return this.comments.getByTestId('comment-thread');
  }

  /** Writes a comment in the panel's form (after a "Comment on…" button opened it), mentioning some members. */
  async writeComment(body: string, mention: readonly string[] = []): Promise<void> {
    const form = this.comments.locator('form').first();
    await form.getByLabel('Your comment').fill(body);
    if (mention.length > 0) {
      await form.getByText(/^Mention someone/).click();
      for (const name of mention) await form.getByLabel(new RegExp(`^${name}`)).check();
    }
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect(this.comments.getByLabel('Your comment')).toHaveCount(0);
  }
}

/** A partnership on the Common Outcomes template (so it has outcomes and indicators) with people invited into it. */
export async function outcomesPartnershipWith(
  browser: Browser,
  name: string,
  people: readonly { displayName: string; role: Role }[],
): Promise<{ partnershipId: string; admin: Person; people: Person[] }> {
  const admin = await signedInAdministrator(browser);
  const response = await admin.context.request.post('/api/partnerships', {
    data: { name, areaName: 'Riverside', areaCode: 'E09000024', template: 'common-outcomes' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const partnershipId = ((await response.json()) as { id: string }).id;
  const joined: Person[] = [];
  for (const { displayName, role } of people) {
    const link = await createInvitation(admin, partnershipId, { role });
    joined.push(await joinByInvitation(browser, link, buildAccount({ displayName })));
  }
  return { partnershipId, admin, people: joined };
}
