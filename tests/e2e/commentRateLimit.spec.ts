import { expect, test } from '@playwright/test';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import { buildThreadRequest } from '../server/comments/factories.ts';
import { NeedsAssessmentPage, outcomesPartnershipWith } from './support/needsAssessment.ts';

// The server's default COMMENTS_PER_MINUTE.
const postsPerMinute = 30;

test('a commenter past the posting limit is told to wait, and keeps what they typed', async ({ browser }) => {
  const { partnershipId, people } = await outcomesPartnershipWith(browser, 'Busy partnership', [
    { displayName: 'Cora Lewis', role: 'commenter' },
  ]);
  const [cora] = people as [(typeof people)[0]];

  // A minute's worth of posts through the API, as a script flooding the partnership would send them.
  const { request } = cora.context;
  const created = await request.post(`/api/partnerships/${partnershipId}/comment-threads`, {
    data: buildThreadRequest(),
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: threadId } = (await created.json()) as CommentThread;
  for (let post = 2; post <= postsPerMinute; post++) {
    const reply = await request.post(`/api/comment-threads/${threadId}/comments`, {
      data: { body: `Reply ${post}`, mentions: [] },
    });
    expect(reply.status()).toBe(201);
  }

  const screen = new NeedsAssessmentPage(cora.page);
  await screen.open(partnershipId);
  await cora.page
    .getByRole('button', { name: /^Comment on this indicator/ })
    .first()
    .click();
  const form = screen.comments.locator('form').first();
  await form.getByLabel('Your comment').fill('Do we have this by ward?');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toContainText(/You are posting comments faster than this workspace allows\. Wait \d+ seconds?/);
  await expect(form.getByLabel('Your comment')).toHaveValue('Do we have this by ward?');
  await cora.page.screenshot({ path: `${process.env.SCREENS_DIR ?? 'test-results/screens'}/comment-rate-limited.png` });
});
