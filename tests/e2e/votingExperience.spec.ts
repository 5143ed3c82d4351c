import { expect, test, type Browser, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import {
  buildAccount,
  createInvitation,
  joinByInvitation,
  signedInAdministrator,
  type Person,
} from './support/people.ts';
import { RoundPage } from './support/roundPages.ts';
import { seedOutcomes } from './support/workspaceSeed.ts';

const statements = [
  'Children are ready for school',
  'Young people attend school regularly',
  'Parents feel confident in their role',
  'Families live in a decent home',
  'Babies are born healthy',
];

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** A partnership with five outcomes and two voting members, each signed in in their own browser context. */
async function meeting(browser: Browser, baseURL: string) {
  const facilitator = await signedInAdministrator(browser);
  const request = facilitator.context.request;
  const created = await request.post('/api/partnerships', {
    data: { name: 'Westbrook Family Hubs', areaName: 'Westbrook', areaCode: 'E09000026', template: 'blank' },
  });
  expect(created.status()).toBe(201);
  const partnershipId = ((await created.json()) as { id: string }).id;
  const voters: Person[] = [];
  for (const [displayName, organisation] of [
    ['Dev Shah', 'Westbrook Schools'],
    ['Eve Okafor', 'NHS Westbrook'],
  ] as const) {
    const link = await createInvitation(facilitator, partnershipId, {
      role: 'viewer',
      organisation,
      isVotingMember: true,
    });
    voters.push(await joinByInvitation(browser, link, buildAccount({ displayName, organisation })));
  }
  const outcomeIds = await seedOutcomes(
    facilitator,
    baseURL,
    partnershipId,
    statements.map((statement) => ({ domain: 'learning', level: 'child', statement })),
  );
  const candidates = statements.map((label, index) => ({ kind: 'outcome', refId: outcomeIds[index], label }));
  /** Creates and opens a round over the API; returns its id and its candidates' ids by label. */
  const openRound = async (data: Record<string, unknown>, count = 3) => {
    const round = await request.post(`/api/partnerships/${partnershipId}/rounds`, {
      data: { candidates: candidates.slice(0, count), ...data },
    });
    expect(round.status(), await round.text()).toBe(201);
    const body = (await round.json()) as { id: string; candidates: { id: string; label: string }[] };
    expect((await request.post(`/api/rounds/${body.id}/open`)).status()).toBe(200);
    return { id: body.id, idOf: new Map(body.candidates.map((c) => [c.label, c.id])) };
  };
  const [dev, eve] = voters as [Person, Person];
  return {
    facilitator,
    partnershipId,
    dev,
    eve,
    openRound,
    close: () => Promise.all([facilitator, dev, eve].map((p) => p.context.close())),
  };
}

/** The outcome statements of a ballot's rows, top to bottom. */
async function shownOrder(round: RoundPage): Promise<string[]> {
  const texts = await round.ballot.getByTestId('ballot-row').allInnerTexts();
  return texts.map((text) => statements.find((statement) => text.includes(statement)) ?? text);
}

test.describe('a meeting-ready voting experience', () => {
  test('a ranking is shuffled for each voter, stays put on reload, and is cast only when the voter acts', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const world = await meeting(browser, baseURL!);
    const { id: roundId, idOf } = await world.openRound(
      { title: 'Ranking the outcomes', settings: { method: 'ranking' } },
      5,
    );

    const devRound = new RoundPage(world.dev.page);
    await devRound.open(world.partnershipId, roundId);
    await expect(devRound.ballot.getByTestId('candidate-order')).toHaveText(
      'Candidates are in a random order for you, so position does not bias the count.',
    );
    const order = await shownOrder(devRound);
    expect([...order].sort()).toEqual([...statements].sort());
    // The order is seeded by the round and the voter: a reload shows the same one.
    await devRound.open(world.partnershipId, roundId);
    expect(await shownOrder(devRound)).toEqual(order);

    // Untouched, nothing is ranked: saving casts nothing.
    await expect(devRound.ballot.getByTestId('ranking-state')).toContainText('Nothing is ranked yet');
    await expectAxeClean(world.dev.page);
    await devRound.ballot.getByRole('button', { name: 'Save my vote' }).click();
    await expect(world.dev.page.getByTestId('error-summary')).toContainText('Nothing is ranked yet');
    const before = await world.dev.context.request.get(`/api/rounds/${roundId}/ballot`);
    expect(((await before.json()) as { hasVoted: boolean }).hasVoted).toBe(false);
    await expect(devRound.turnout).toHaveText('0 of 2 voted');

    // "Keep this order" makes the order on screen Dev's ranking, and that is what is cast.
    await devRound.ballot.getByRole('button', { name: 'Keep this order' }).click();
    await expect(devRound.ballot.getByTestId('ranking-state')).toContainText('Your ranking');
    await devRound.saveVote();
    const cast = (await (await world.dev.context.request.get(`/api/rounds/${roundId}/ballot`)).json()) as {
      ballot: { order: string[] };
    };
    expect(cast.ballot.order).toEqual(order.map((label) => idOf.get(label)));

    // Eve ranks by keyboard alone: a move makes it her ranking.
    const eveRound = new RoundPage(world.eve.page);
    await eveRound.open(world.partnershipId, roundId);
    const eveOrder = await shownOrder(eveRound);
    const moveDown = eveRound.ballot.getByRole('button', { name: `Move down: ${eveOrder[0]}` });
    await moveDown.focus();
    await world.eve.page.keyboard.press('Enter');
    await expect(eveRound.ballot.getByTestId('ballot-row').nth(1)).toContainText(eveOrder[0]!);
    await expect(eveRound.ballot.getByTestId('ranking-state')).toContainText('Your ranking');
    await eveRound.ballot.getByRole('button', { name: 'Save my vote' }).focus();
    await world.eve.page.keyboard.press('Enter');
    await expect(eveRound.ballotStatus).toContainText('Your vote is saved');
    await expect(devRound.turnout).toHaveText('2 of 2 voted');
    await world.close();
  });

  test('weighted scoring is one grid of radio groups, with the weights shown, filled in by keyboard', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const world = await meeting(browser, baseURL!);
    const { id: roundId } = await world.openRound({
      title: 'Weighted scoring',
      settings: {
        method: 'scores',
        criteria: [
          { id: 'severity', label: 'Severity of the impact', weight: 2 },
          { id: 'reach', label: 'How many families it reaches', weight: 1 },
        ],
      },
      visibility: 'after-vote',
    });
    const round = new RoundPage(world.dev.page);
    await round.open(world.partnershipId, roundId);
    // Scores keep the listed order unless the facilitator chose otherwise.
    await expect(round.ballot.getByTestId('candidate-order')).toHaveCount(0);
    const grid = round.ballot.getByTestId('scoring-grid');
    await expect(grid.getByRole('columnheader', { name: /Severity of the impact/ })).toContainText('weight 2');
    await expect(grid.getByRole('columnheader', { name: /How many families it reaches/ })).toContainText('weight 1');
    const groups = grid.getByRole('radiogroup');
    await expect(groups).toHaveCount(6);
    await expectAxeClean(world.dev.page);

    // Row by row, criterion by criterion: a number chooses, the arrow keys change it, Tab moves to the next score.
    await expect(round.ballot.getByTestId('candidate-evidence')).toHaveCount(3);
    const keys = world.dev.page.keyboard;
    await groups.first().getByRole('radio').first().focus();
    await keys.press('5');
    await keys.press('Tab');
    await keys.press('1');
    await keys.press('ArrowRight');
    await expect(groups.nth(1).getByRole('radio', { name: '2 – low' })).toBeFocused();
    // Between candidates, Tab passes the next candidate's evidence (a disclosure in its row) before its first score.
    for (const [group, score] of [
      [2, '1'],
      [3, '4'],
      [4, '3'],
      [5, '3'],
    ] as const) {
      await keys.press('Tab');
      if (group % 2 === 0) {
        await expect(
          round.ballot
            .getByTestId('candidate-evidence')
            .nth(group / 2)
            .locator('summary'),
        ).toBeFocused();
        await keys.press('Tab');
      }
      await keys.press(score);
    }
    await expect(groups.nth(0).getByRole('radio', { name: '5 – very high' })).toBeChecked();
    await expect(groups.nth(1).getByRole('radio', { name: '2 – low' })).toBeChecked();
    await expect(groups.nth(5).getByRole('radio', { name: '3 – medium' })).toBeChecked();
    await expect(groups.getByRole('radio', { checked: true }), 'every candidate scored on every criterion').toHaveCount(
      6,
    );
    await round.ballot.getByRole('button', { name: 'Save my vote' }).focus();
    await keys.press('Enter');
    await expect(round.ballotStatus).toContainText('Your vote is saved');
    // (2 × 5 + 2) / 3 = 4 for the first outcome, (2 × 1 + 4) / 3 = 2, (2 × 3 + 3) / 3 = 3.
    const first = round.resultsTable.getByTestId('result-row').first();
    await expect(first).toContainText(statements[0]!);
    await expect(first).toContainText('4');
    await world.close();
  });

  test('need × influence shows a quadrant chart with its table; present mode has a join link and QR code', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const world = await meeting(browser, baseURL!);
    const { id: roundId, idOf } = await world.openRound({
      title: 'Need and influence',
      settings: { method: 'matrix' },
      visibility: 'live',
    });
    const [c1, c2, c3] = statements.slice(0, 3).map((label) => idOf.get(label)!);
    const place = (person: Person, placements: Record<string, { need: number; influence: number }>) =>
      person.context.request.put(`/api/rounds/${roundId}/ballot`, { data: { method: 'matrix', placements } });
    expect(
      (
        await place(world.dev, {
          [c1!]: { need: 5, influence: 4 },
          [c2!]: { need: 4, influence: 1 },
          [c3!]: { need: 1, influence: 5 },
        })
      ).status(),
    ).toBe(200);
    expect(
      (
        await place(world.eve, {
          [c1!]: { need: 4, influence: 4 },
          [c2!]: { need: 5, influence: 2 },
          [c3!]: { need: 2, influence: 4 },
        })
      ).status(),
    ).toBe(200);

    // Means: first outcome need 4.5, influence 4; second 4.5 and 1.5; third 1.5 and 4.5.
    const { page } = world.facilitator;
    const facilitatorRound = new RoundPage(page);
    await facilitatorRound.open(world.partnershipId, roundId);
    const results = facilitatorRound.results;
    await expect(results.getByTestId('quadrant-chart').getByRole('img')).toBeVisible();
    const rows = results.getByTestId('quadrant-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText(statements[0]!);
    await expect(rows.nth(0)).toContainText('High need, high influence: act here first');
    await expect(rows.nth(1)).toContainText(statements[1]!);
    await expect(rows.nth(1)).toContainText('High need, low influence');
    await expect(rows.nth(2)).toContainText(statements[2]!);
    await expect(rows.nth(2)).toContainText('Low need, high influence');
    // A named round: the facilitator sees how each person voted.
    const people = page.getByTestId('person-ballots');
    await expect(people.getByTestId('person-ballot')).toHaveCount(2);
    await expect(people.getByTestId('person-ballot').first()).toContainText('Dev Shah');
    await expect(people.getByTestId('person-ballot').first()).toContainText('need 5, influence 4');
    await expectAxeClean(page);

    // Present mode: the whole screen, no app header, a join link and a QR code for the room.
    await page.getByRole('link', { name: 'Present on the meeting-room screen' }).click();
    const present = page.getByTestId('present');
    await expect(present).toBeVisible();
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
    await expect(page.locator('header.app-header')).toHaveCount(0);
    const joinLink = present.getByTestId('join-link');
    await expect(joinLink).toHaveAttribute('href', new RegExp(`/p/${world.partnershipId}/rounds/${roundId}$`));
    await expect(present.getByRole('img', { name: /QR code for the voting page/ })).toBeVisible();
    await present.getByRole('button', { name: 'Reveal the results' }).click();
    await expect(present.getByTestId('quadrant-row').first()).toContainText(statements[0]!);
    await expect(present.getByTestId('results-table').first()).toContainText(statements[0]!);
    await expectAxeClean(page);

    // Someone in the room follows the join link to the round itself.
    const href = (await joinLink.getAttribute('href'))!;
    await world.dev.page.goto(href);
    await expect(world.dev.page.getByRole('heading', { level: 1 })).toHaveText('Need and influence');
    await expect(new RoundPage(world.dev.page).ballot).toBeVisible();
    await world.close();
  });
});
