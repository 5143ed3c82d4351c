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

test.describe('a live prioritisation round', () => {
  test('a board opens a dots round, votes live, sees results only when allowed, and records its priorities', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const facilitator = await signedInAdministrator(browser);
    const created = await facilitator.context.request.post('/api/partnerships', {
      data: {
        name: 'Riverside Family Hubs',
        areaName: 'Riverside',
        areaCode: 'E09000024',
        template: 'common-outcomes',
      },
    });
    expect(created.status()).toBe(201);
    const partnershipId = ((await created.json()) as { id: string }).id;
    const voters = [];
    for (const [displayName, organisation] of [
      ['Amira Khan', 'Riverside Council'],
      ['Ben Ortiz', 'NHS Riverside'],
      ['Chloe Adams', 'Riverside Police'],
    ] as const) {
      const link = await createInvitation(facilitator, partnershipId, {
        role: 'editor',
        organisation,
        isVotingMember: true,
      });
      voters.push(await joinByInvitation(browser, link, buildAccount({ displayName, organisation })));
    }
    const [amira, ben, chloe] = voters as [(typeof voters)[0], (typeof voters)[0], (typeof voters)[0]];

    // The facilitator builds the round from the framework's outcomes.
    const { page } = facilitator;
    await page.goto(`/p/${partnershipId}`);
    await page
      .getByRole('navigation', { name: 'Partnership sections' })
      .getByRole('link', { name: 'Prioritisation' })
      .click();
    await page.getByRole('link', { name: 'Create a round' }).click();
    const builder = page.getByTestId('round-builder');
    await builder.getByLabel('Title').fill('Priority outcomes 2026 to 2027');
    await builder.getByLabel('Question for voters (optional)').fill('Where should the partnership focus first?');
    const outcomes = builder.getByRole('group', { name: 'Outcomes to vote on' }).getByRole('checkbox');
    await expect(outcomes.first()).toBeVisible();
    const labels: string[] = [];
    for (const index of [0, 1, 2]) {
      const box = outcomes.nth(index);
      await box.check();
      labels.push((await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).trim());
    }
    await builder.getByRole('radio', { name: 'Dot voting' }).check();
    // Anonymous rounds show results only at close: ticking it moves the choice there, and live is then refused.
    await builder.getByRole('radio', { name: 'Live' }).check();
    await builder.getByRole('checkbox', { name: 'Anonymous voting' }).check();
    await expect(builder.getByRole('radio', { name: 'When the round closes' })).toBeChecked();
    await builder.getByRole('radio', { name: 'Live' }).check();
    await builder.getByRole('button', { name: 'Save the draft round' }).click();
    await expect(page.getByTestId('error-summary')).toContainText(
      'An anonymous round shows its results when it closes',
    );
    await builder.getByRole('checkbox', { name: 'Anonymous voting' }).uncheck();
    await builder.getByRole('radio', { name: 'When the round closes' }).check();
    await checkScreen(page, 'round-builder');
    await builder.getByRole('button', { name: 'Save the draft round' }).click();
    await expect(page.getByTestId('round-state')).toHaveText('Draft');
    const roundId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Open voting' }).click();
    await expect(page.getByTestId('round-state')).toHaveText('Voting open');

    // Everyone opens the round; the facilitator puts it on the meeting-room screen.
    const rounds = voters.map((voter) => new RoundPage(voter.page));
    for (const round of rounds) await round.open(partnershipId, roundId);
    await page.getByRole('link', { name: 'Present on the meeting-room screen' }).click();
    const present = page.getByTestId('present');
    await expect(present.getByTestId('turnout')).toHaveText('0 of 3 voted');
    await expect(present.getByTestId('present-hidden')).toBeVisible();

    const [amiraRound, benRound, chloeRound] = rounds as [RoundPage, RoundPage, RoundPage];
    await expect(amiraRound.dotsLeft).toHaveText('5 of 5 dots left');
    await checkScreen(amira.page, 'round-voting');
    await amiraRound.addDots(labels[0]!, 3);
    await expect(amiraRound.dotsLeft).toHaveText('2 of 5 dots left');
    await expect(amira.page.getByTestId('dots-announcement')).toHaveText(`3 dots on ${labels[0]}. 2 of 5 dots left.`);
    await amiraRound.addDots(labels[1]!, 2);
    await amiraRound.saveVote();

    // Turnout moves live for everyone; results stay hidden until the round closes.
    for (const round of [benRound, chloeRound]) await expect(round.turnout).toHaveText('1 of 3 voted');
    await expect(present.getByTestId('turnout')).toHaveText('1 of 3 voted');
    await expect(amiraRound.results).toContainText('Results are shown when voting closes.');
    await expect(amiraRound.resultsTable).toHaveCount(0);
    await checkScreen(amira.page, 'round-voted-results-hidden');

    await benRound.addDots(labels[0]!, 4);
    await benRound.saveVote();
    await chloeRound.addDots(labels[2]!, 5);
    await expect(chloe.page.getByRole('button', { name: `Add a dot to ${labels[2]}` })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await chloeRound.saveVote();
    for (const round of rounds) await expect(round.turnout).toHaveText('3 of 3 voted');
    await expect(present.getByTestId('turnout')).toHaveText('3 of 3 voted');
    await expect(present.getByRole('button', { name: 'Reveal the results' })).toHaveCount(0);
    await checkScreen(page, 'round-present-voting');

    // The facilitator closes voting; results reach everyone without a reload.
    await present.getByRole('link', { name: 'Leave present mode' }).click();
    await page.getByRole('button', { name: 'Close voting now' }).click();
    await page.getByRole('group', { name: 'Close voting now?' }).getByRole('button', { name: 'Close voting' }).click();
    await expect(page.getByTestId('round-state')).toHaveText('Closed');
    for (const round of rounds) {
      await expect(round.resultsTable.getByTestId('result-row').first()).toContainText(labels[0]!);
      await expect(round.resultsTable.getByTestId('result-row').first()).toContainText('7');
    }
    await expect(benRound.results).toContainText('Final results. 3 of 3 voted: quorum met (at least 2 needed).');
    await checkScreen(ben.page, 'round-results');

    await page.getByRole('link', { name: 'Present the results' }).click();
    await present.getByRole('button', { name: 'Reveal the results' }).click();
    await expect(present.getByTestId('results-table')).toContainText(labels[0]!);
    await checkScreen(page, 'round-present-results');
    await present.getByRole('link', { name: 'Leave present mode' }).click();

    // The decision is recorded, and the agreed priority shows for everyone.
    await page.getByRole('link', { name: 'Record the decision' }).click();
    const decision = page.getByTestId('decision-form');
    await decision.getByRole('checkbox', { name: labels[0] }).check();
    await decision.getByLabel('Outcome statement').fill('The board agreed to focus on this outcome first.');
    await decision.getByLabel('Review date').fill('2027-03-31');
    await checkScreen(page, 'round-decision');
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.getByTestId('decision-log')).toContainText('The board agreed to focus on this outcome first.');
    await expect(page.getByTestId('decision-log')).toContainText('31 March 2027');
    await checkScreen(page, 'decision-log');

    await amira.page.goto(`/p/${partnershipId}/rounds`);
    const agreed = amira.page.getByTestId('agreed-priorities');
    await expect(agreed).toContainText(labels[0]!);
    await expect(agreed.getByTestId('priority-badge')).toContainText('Agreed priority');
    await checkScreen(amira.page, 'rounds');

    // …and on the outcomes framework, beside the outcome itself.
    await amira.page.goto(`/p/${partnershipId}/framework`);
    const cardFor = (label: string) =>
      amira.page
        .getByTestId('outcome-card')
        .filter({ has: amira.page.getByRole('link', { name: label, exact: true }) });
    await expect(cardFor(labels[0]!).getByTestId('priority-badge')).toContainText('Agreed priority');
    await expect(cardFor(labels[1]!).getByTestId('priority-badge')).toHaveCount(0);
    await cardFor(labels[0]!).scrollIntoViewIfNeeded();
    await amira.page.screenshot({ path: 'test-results/screens/framework-priority-badge.png' });

    for (const person of [facilitator, ...voters]) await person.context.close();
  });
});

test.describe('other methods and follow-up rounds', () => {
  test('ranking by keyboard in a follow-up round shows last round’s figures; scores and matrix by choosing', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const facilitator = await signedInAdministrator(browser);
    const request = facilitator.context.request;
    const created = await request.post('/api/partnerships', {
      data: { name: 'Northfield Family Hubs', areaName: 'Northfield', areaCode: 'E09000025', template: 'blank' },
    });
    const partnershipId = ((await created.json()) as { id: string }).id;
    const link = await createInvitation(facilitator, partnershipId, {
      role: 'viewer',
      organisation: 'Northfield Schools',
      isVotingMember: true,
    });
    const voter = await joinByInvitation(
      browser,
      link,
      buildAccount({ displayName: 'Dev Shah', organisation: 'Northfield Schools' }),
    );
    // A round votes only on what the framework holds.
    const statements = [
      'Children are ready for school',
      'Young people attend school regularly',
      'Parents feel confident in their role',
    ];
    const outcomeIds = await seedOutcomes(
      facilitator,
      baseURL!,
      partnershipId,
      statements.map((statement) => ({ domain: 'learning', level: 'child', statement })),
    );
    const candidates = statements.map((label, index) => ({ kind: 'outcome', refId: outcomeIds[index], label }));
    const openRound = async (data: Record<string, unknown>): Promise<string> => {
      const round = await request.post(`/api/partnerships/${partnershipId}/rounds`, { data: { candidates, ...data } });
      expect(round.status(), await round.text()).toBe(201);
      const id = ((await round.json()) as { id: string }).id;
      expect((await request.post(`/api/rounds/${id}/open`)).status()).toBe(200);
      return id;
    };
    const castAs = (roundId: string, order: string[]) =>
      voter.context.request.put(`/api/rounds/${roundId}/ballot`, { data: { method: 'ranking', order } });

    // Round 1 is voted and closed; round 2 follows it up.
    // Listed order (not each voter's shuffle), so the moves below start from a known place.
    const first = await openRound({
      title: 'School readiness',
      settings: { method: 'ranking', candidateOrder: 'framework' },
    });
    const firstRound = (await (await request.get(`/api/rounds/${first}`)).json()) as { candidates: { id: string }[] };
    const ids = firstRound.candidates.map((c) => c.id);
    expect((await castAs(first, [ids[2]!, ids[0]!, ids[1]!])).status()).toBe(200);
    await request.post(`/api/rounds/${first}/close`);
    const followUp = (await (await request.post(`/api/rounds/${first}/follow-up`)).json()) as { id: string };
    await request.post(`/api/rounds/${followUp.id}/open`);

    const round = new RoundPage(voter.page);
    await round.open(partnershipId, followUp.id);
    await expect(voter.page.getByRole('heading', { level: 1 })).toHaveText('School readiness – round 2');
    await expect(round.ballot.getByTestId('previous-round').first()).toContainText(
      'Last round: ranked 2nd (Borda points: 1',
    );
    const moveUp = voter.page.getByRole('button', { name: 'Move up: Parents feel confident in their role' });
    await moveUp.focus();
    await voter.page.keyboard.press('Enter');
    // Wait for the move itself before the next key: focus follows the moved outcome once it has re-rendered.
    await expect(round.ballot.getByTestId('ballot-row').nth(1)).toContainText('Parents feel confident in their role');
    await expect(moveUp).toBeFocused();
    await voter.page.keyboard.press('Enter');
    await expect(round.ballot.getByTestId('ballot-row').first()).toContainText('Parents feel confident in their role');
    await expect(
      voter.page.getByRole('button', { name: 'Move down: Parents feel confident in their role' }),
    ).toBeFocused();
    await checkScreen(voter.page, 'round-voting-ranking-follow-up');
    await round.saveVote();

    // Delphi: moving far from last round's group asks for an optional reason, shown to the group next round.
    const young = 'Young people attend school regularly';
    for (let move = 0; move < 2; move++) {
      await voter.page.getByRole('button', { name: `Move up: ${young}` }).click();
    }
    await expect(round.ballot.getByTestId('ballot-row').first()).toContainText(young);
    const far = round.ballot.getByTestId('far-from-group').filter({ hasText: young });
    await far
      .getByLabel('Why? (optional, shown to the group without your name in the next round)')
      .fill('Attendance fell sharply this term');
    await checkScreen(voter.page, 'round-voting-delphi-reason');
    await round.saveVote();
    expect((await request.post(`/api/rounds/${followUp.id}/close`)).status()).toBe(200);
    const third = (await (await request.post(`/api/rounds/${followUp.id}/follow-up`)).json()) as { id: string };
    await request.post(`/api/rounds/${third.id}/open`);
    await round.open(partnershipId, third.id);
    await expect(
      round.ballot.getByTestId('previous-round-reasons').filter({ hasText: 'Attendance fell sharply this term' }),
    ).toHaveCount(1);
    await expect(round.ballot).not.toContainText('Dev Shah');

    const scores = await openRound({
      title: 'Weighted scoring',
      settings: {
        method: 'scores',
        criteria: [
          { id: 'severity', label: 'Severity of the impact', weight: 2 },
          { id: 'influence', label: 'Our ability to influence it locally', weight: 1 },
        ],
      },
      visibility: 'after-vote',
    });
    await round.open(partnershipId, scores);
    // The scoring grid: one 1–5 radio group per candidate and criterion.
    for (const group of await round.ballot.getByRole('radiogroup').all()) {
      await group.getByRole('radio', { name: '4 – high' }).check();
    }
    await checkScreen(voter.page, 'round-voting-scores');
    await round.saveVote();
    // "After you vote": this voter now sees the results.
    await expect(round.resultsTable).toContainText('Children are ready for school');

    const matrix = await openRound({ title: 'Need and influence', settings: { method: 'matrix' }, anonymous: true });
    await round.open(partnershipId, matrix);
    await round.ballot.getByRole('button', { name: 'Save my vote' }).click();
    await expect(voter.page.getByTestId('error-summary')).toContainText('Rate every candidate on both questions');
    for (const select of await round.ballot.getByRole('combobox').all()) await select.selectOption('3');
    await checkScreen(voter.page, 'round-voting-matrix');
    await round.saveVote();
    await expect(round.results).toContainText('Results are shown when voting closes.');
    await facilitator.context.close();
    await voter.context.close();
  });
});
