import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { NetworkPages, PartnershipNetworksPage, coordinatorByInvitation } from './support/networkPages.ts';
import { outcomesPartnershipWith } from './support/needsAssessment.ts';
import { buildAccount } from './support/people.ts';

// Screenshots to review; SCREENS_DIR keeps them out of the shared test-results/ that parallel runs clear.
const screens = process.env.SCREENS_DIR ?? 'test-results/screens';

test.beforeAll(() => fs.mkdirSync(screens, { recursive: true }));

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screens}/networks-${name}.png`, fullPage: true });
}

test.describe('networks', () => {
  test('a coordinator publishes a template version; two places adopt and decline it; the common core follows', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const networkName = 'Riverside region family hubs network';
    const metricName = 'Families reached by hub outreach';
    const rewording = 'Babies and children are kept safe at home and in their neighbourhood';

    // Two places on the Common Outcomes Framework, each with a facilitator of its own (their own browsers).
    const north = await outcomesPartnershipWith(browser, 'Northfield Family Hubs', [
      { displayName: 'Nadia Okafor', role: 'facilitator' },
    ]);
    const south = await outcomesPartnershipWith(browser, 'Southbank Family Hubs', [
      { displayName: 'Sam Whitfield', role: 'facilitator' },
    ]);
    const admin = north.admin;
    const nadia = north.people[0]!;
    const sam = south.people[0]!;

    // The administrator creates the network, invites both places and a coordinator.
    const adminNetworks = new NetworkPages(admin.page);
    const networkId = await adminNetworks.create(networkName);
    for (const partnershipId of [north.partnershipId, south.partnershipId]) {
      const invited = await admin.context.request.post(`/api/networks/${networkId}/invitations`, {
        data: { partnershipId },
      });
      expect(invited.status(), await invited.text()).toBe(201);
    }
    const coordinatorAccount = buildAccount({ displayName: 'Cora Lindqvist', organisation: 'Riverside ICB' });
    const invitation = await admin.context.request.post(`/api/networks/${networkId}/coordinators`, {
      data: { email: coordinatorAccount.email },
    });
    expect(invitation.status(), await invitation.text()).toBe(201);
    const cora = await coordinatorByInvitation(
      browser,
      ((await invitation.json()) as { url: string }).url,
      coordinatorAccount,
    );

    // Each facilitator sees what the network would see, with the defaults, and joins.
    const nadiaNetworks = new PartnershipNetworksPage(nadia.page);
    const samNetworks = new PartnershipNetworksPage(sam.page);
    await nadiaNetworks.open(north.partnershipId);
    const nadiaInvitation = nadiaNetworks.network(networkName);
    await expect(nadiaInvitation.getByLabel('Framework structure and lineage')).toBeChecked();
    await expect(nadiaInvitation.getByLabel('Evidence for core metrics')).not.toBeChecked();
    await expect(nadia.page.getByTestId('never-shared')).toContainText('Comments');
    await checkScreen(nadia.page, 'partnership-invitation');
    await nadiaInvitation.getByRole('button', { name: `Join ${networkName}` }).click();
    await expect(nadia.page.getByTestId('partnership-networks-notice')).toContainText('has joined');
    await samNetworks.open(south.partnershipId);
    await samNetworks
      .network(networkName)
      .getByRole('button', { name: `Join ${networkName}` })
      .click();
    await expect(sam.page.getByTestId('partnership-networks-notice')).toContainText('has joined');

    // The coordinator drafts version 1: a new metric and a rewording; publishing asks for nothing more.
    const coraNetworks = new NetworkPages(cora.page);
    await coraNetworks.openTemplateVersions(networkId);
    await coraNetworks.draftMetric(metricName);
    await coraNetworks.draftOutcomeRewording(rewording);
    await cora.page.getByLabel('Note to the places (optional)').fill('From the spring review of local additions.');
    await cora.page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(cora.page.getByTestId('template-notice')).toContainText('Version 1 published');
    const published = cora.page.getByTestId('template-version').first();
    await expect(published).toContainText('Version 1: 1 new metric, 1 outcome reworded');
    await expect(published.getByTestId('change-adoption').first()).toHaveText(
      'Adopted by 0, declined by 0, not decided 2',
    );

    // The coordinator keeps the common core open: both places have not decided yet.
    await coraNetworks.openCommonCore(networkId);
    await expect(cora.page.getByTestId('core-summary')).toContainText(
      '2 places; 48 outcomes in the network template v1',
    );
    const reworded = coraNetworks.coreRow(rewording);
    await expect(reworded.getByTestId('core-item-pending')).toHaveText('2');
    await checkScreen(cora.page, 'common-core');
    await cora.page.getByTestId('heat-map-toggle').click();
    await expect(cora.page.getByTestId('heat-map-table')).toBeVisible();
    await checkScreen(cora.page, 'common-core-table');
    await cora.page.getByTestId('heat-map-toggle').click();

    // Two facilitators, in their own browsers, decide each change on their own terms.
    await nadiaNetworks.open(north.partnershipId);
    await expect(nadia.page.getByText('Network template v1: 1 new metric, 1 outcome reworded')).toBeVisible();
    await nadiaNetworks.decide(metricName, 'Adopt');
    await nadiaNetworks.decide(rewording, 'Decline');
    await checkScreen(nadia.page, 'partnership-networks');
    await samNetworks.open(south.partnershipId);
    await samNetworks.decide(metricName, 'Decline');
    await samNetworks.decide(rewording, 'Adopt');

    // The coordinator's open screen follows without a reload: nothing is left undecided.
    await expect(reworded.getByTestId('core-item-pending')).toHaveText('0');
    await expect(reworded.getByTestId('core-item-as-is')).toHaveText('1');
    await coraNetworks.showType('Metrics');
    const metric = coraNetworks.coreRow(metricName);
    await expect(metric.getByTestId('core-item-pending')).toHaveText('0');
    await expect(metric.getByTestId('core-item-as-is')).toHaveText('1');
    await cora.page.screenshot({ path: `${screens}/networks-common-core-after.png`, fullPage: true });

    // The versions page records each place's choice.
    await coraNetworks.openTemplateVersions(networkId);
    await expect
      .poll(async () => cora.page.getByTestId('change-adoption').allTextContents())
      .toEqual(['Adopted by 1, declined by 1, not decided 0', 'Adopted by 1, declined by 1, not decided 0']);

    // The data agenda is readable and offers its downloads.
    await coraNetworks.openDataAgenda(networkId);
    await expect(cora.page.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute(
      'href',
      `/api/networks/${networkId}/data-agenda.csv`,
    );
    await checkScreen(cora.page, 'data-agenda');

    for (const person of [admin, nadia, sam, cora, south.admin]) await person.context.close();
  });
});
