import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { buildAccount, createInvitation, joinByInvitation, signedInAdministrator } from './support/people.ts';
import { RoundPage } from './support/roundPages.ts';
import { seedOutcomes } from './support/workspaceSeed.ts';

/** Checks a screen with axe and keeps a full-page screenshot of it for people to look at. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test('a voter keeps a receipt, a stale tab cannot overwrite the ballot, and after close the receipt checks out', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const facilitator = await signedInAdministrator(browser);
  const created = await facilitator.context.request.post('/api/partnerships', {
    data: { name: 'Eastbrook Family Hubs', areaName: 'Eastbrook', areaCode: 'E09000025', template: 'blank' },
  });
  expect(created.status()).toBe(201);
  const partnershipId = ((await created.json()) as { id: string }).id;
  const voters = [];
  for (const [displayName, organisation] of [
    ['Amira Khan', 'Eastbrook Council'],
    ['Ben Ortiz', 'NHS Eastbrook'],
  ] as const) {
    const link = await createInvitation(facilitator, partnershipId, {
      role: 'editor',
      organisation,
      isVotingMember: true,
    });
    voters.push(await joinByInvitation(browser, link, buildAccount({ displayName, organisation })));
  }
  const [amira, ben] = voters as [(typeof voters)[0], (typeof voters)[0]];
  const statements = ['Children are ready for school', 'Parents feel confident in their role'];
  const outcomeIds = await seedOutcomes(
    facilitator,
    baseURL!,
    partnershipId,
    statements.map((statement) => ({ domain: 'learning', level: 'child', statement })),
  );
  const request = facilitator.context.request;
  const round = await request.post(`/api/partnerships/${partnershipId}/rounds`, {
    data: {
      title: 'Where to focus first',
      anonymous: true,
      settings: { method: 'dots', dotsPerVoter: 3, maxPerCandidate: null, candidateOrder: 'framework' },
      candidates: statements.map((label, index) => ({ kind: 'outcome', refId: outcomeIds[index], label })),
    },
  });
  expect(round.status(), await round.text()).toBe(201);
  const roundId = ((await round.json()) as { id: string }).id;
  expect((await request.post(`/api/rounds/${roundId}/open`)).status()).toBe(200);

  // Amira has the round open in two tabs; she votes in the first and gets a receipt.
  const first = new RoundPage(amira.page);
  await first.open(partnershipId, roundId);
  const staleTab = await amira.context.newPage();
  const stale = new RoundPage(staleTab);
  await stale.open(partnershipId, roundId);
  await first.addDots(statements[0]!, 2);
  await first.saveVote();
  const receiptBox = amira.page.getByTestId('ballot-receipt').getByLabel('Your receipt');
  await expect(receiptBox).toHaveValue(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const receipt = await receiptBox.inputValue();
  await checkScreen(amira.page, 'ballot-receipt');

  // The second tab still shows the empty ballot it loaded: saving from it is refused, and both versions are shown.
  await stale.addDots(statements[1]!, 1);
  await stale.ballot.getByRole('button', { name: 'Save my vote' }).click();
  const conflict = staleTab.getByTestId('ballot-conflict');
  await expect(conflict).toContainText('This ballot was changed elsewhere');
  await expect(conflict).toContainText(`${statements[0]}: 2 dots`);
  await expect(staleTab.getByTestId('electorate-frozen')).toContainText(
    'Who can vote was fixed when this round opened',
  );
  await checkScreen(staleTab, 'ballot-conflict');
  await conflict.getByRole('button', { name: 'Use the saved ballot instead' }).click();
  await expect(conflict).toHaveCount(0);
  await staleTab.close();

  const { candidates } = (await (await request.get(`/api/rounds/${roundId}`)).json()) as {
    candidates: { id: string }[];
  };
  const cast = await ben.context.request.put(`/api/rounds/${roundId}/ballot`, {
    data: { method: 'dots', dots: { [candidates[1]!.id]: 3 } },
  });
  expect(cast.status(), await cast.text()).toBe(200);
  expect((await request.post(`/api/rounds/${roundId}/close`)).status()).toBe(200);

  // After close Amira checks her receipt against the published list, and recounts it in her browser.
  await amira.page.reload();
  const published = amira.page.getByTestId('published-ballots');
  await expect(published).toContainText('Check your ballot was counted');
  const check = published.getByTestId('receipt-check');
  await check.getByLabel('Your receipt').fill('not a receipt');
  await check.getByRole('button', { name: 'Check my receipt' }).click();
  await expect(check).toContainText('That is not a receipt');
  await check.getByLabel('Your receipt').fill(receipt.toLowerCase());
  await check.getByRole('button', { name: 'Check my receipt' }).click();
  const result = published.getByTestId('receipt-result');
  await expect(result).toContainText('Counted as cast');
  await expect(result).toContainText(`${statements[0]}: 2 dots`);
  await published.getByRole('button', { name: 'Recount the published ballots in this browser' }).click();
  await expect(published.getByTestId('recount-result')).toContainText('the result is the same as the published one');
  await published.getByText('Every counted ballot (2)').click();
  await published.getByText('What a receipt proves, and what it does not').click();
  await checkScreen(amira.page, 'published-ballots');

  // The facilitator narrows the audit log to ballots: the two casts, nothing else.
  await facilitator.page.goto(`/p/${partnershipId}/audit`);
  const filters = facilitator.page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel('Kind').selectOption({ label: 'Ballots' });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  const rows = facilitator.page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Cast or changed a ballot');
  await checkScreen(facilitator.page, 'audit-log-filtered');
});
