import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { NeedsAssessmentPage, outcomesPartnershipWith } from './support/needsAssessment.ts';

test.describe('the needs assessment', () => {
  test('two people type into the same paragraph at once and converge; carets show who is where', async ({
    browser,
  }) => {
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Co-writing partnership', [
      { displayName: 'Amira Khan', role: 'editor' },
      { displayName: 'Ben Ortiz', role: 'editor' },
    ]);
    const [amira, ben] = people.map((person) => ({ person, screen: new NeedsAssessmentPage(person.page) })) as [
      { person: (typeof people)[0]; screen: NeedsAssessmentPage },
      { person: (typeof people)[0]; screen: NeedsAssessmentPage },
    ];
    await amira.screen.open(partnershipId);
    await ben.screen.open(partnershipId);
    const amiraText = amira.screen.narrative('Safe');
    const benText = ben.screen.narrative('Safe');

    await amiraText.click();
    await amiraText.pressSequentially('Referrals rose in 2025.');
    await expect(benText).toHaveText('Referrals rose in 2025.');
    await expect(ben.person.page.getByTestId('field-presence-narrative:domain:safe')).toHaveText(
      /Amira Khan is editing/,
    );

    // Amira types at the end, Ben at the start of the same paragraph, at the same time.
    await amiraText.press('End');
    await benText.click();
    await benText.press('Home');
    await Promise.all([
      amiraText.pressSequentially(' Most were for neglect.'),
      benText.pressSequentially('In Riverside, '),
    ]);
    const merged = 'In Riverside, Referrals rose in 2025. Most were for neglect.';
    await expect(amiraText).toHaveText(merged);
    await expect(benText).toHaveText(merged);
    await expect(amira.person.page.locator('.collaboration-carets__label[data-name="Ben Ortiz"]')).toBeVisible();

    // Formatting goes through the labelled toolbar, which says which formats are on.
    await benText.press('ControlOrMeta+a');
    await ben.person.page.getByRole('button', { name: 'Bold' }).first().click();
    await expect(ben.person.page.getByRole('button', { name: 'Bold' }).first()).toHaveAttribute('aria-pressed', 'true');
    await expect(amiraText.locator('strong')).toHaveText(merged);
    // Undo undoes only my own change.
    await ben.person.page.getByRole('button', { name: 'Undo' }).first().click();
    await expect(amiraText.locator('strong')).toHaveCount(0);
    await expect(amiraText).toHaveText(merged);
    await expect(
      amira.person.page.getByText(/\d+ words · Last edited by (Amira Khan|Ben Ortiz)/).first(),
    ).toBeVisible();

    for (const context of [amira.person.context, ben.person.context, admin.context]) await context.close();
  });

  test('a commenter annotates a passage and an indicator, mentions an editor, and the editor sees it all live', async ({
    browser,
  }) => {
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Annotated partnership', [
      { displayName: 'Amira Khan', role: 'editor' },
      { displayName: 'Cora Lewis', role: 'commenter' },
    ]);
    const [amira, cora] = people as [(typeof people)[0], (typeof people)[0]];
    const editorScreen = new NeedsAssessmentPage(amira.page);
    const commenterScreen = new NeedsAssessmentPage(cora.page);
    await editorScreen.open(partnershipId);
    await commenterScreen.open(partnershipId);
    await editorScreen.narrative('Safe').click();
    await editorScreen.narrative('Safe').pressSequentially('Referrals to children’s social care rose sharply.');

    // The commenter cannot change the text, and is told why.
    const corasText = commenterScreen.narrative('Safe');
    await expect(corasText).toHaveText('Referrals to children’s social care rose sharply.');
    await expect(corasText).toHaveAttribute('contenteditable', 'false');
    await expect(cora.page.getByText(/because your role is commenter/).first()).toBeVisible();

    await corasText.getByText('Referrals to children’s social care rose sharply.').dblclick();
    await cora.page.getByRole('button', { name: 'Comment on selected text' }).first().click();
    await commenterScreen.writeComment('Which source is this from?');
    await expect(editorScreen.threads.filter({ hasText: 'Which source is this from?' })).toBeVisible();
    await expect(editorScreen.narrative('Safe').locator('.comment-highlight')).toHaveCount(1);

    // On an indicator as a whole, mentioning the editor.
    const indicatorButton = cora.page.getByRole('button', { name: /^Comment on this indicator/ }).first();
    const indicatorName = ((await indicatorButton.textContent()) ?? '').replace(/^Comment on this indicator:\s*/, '');
    await indicatorButton.click();
    // Typing @ and the start of a name offers the members it matches; Enter mentions the one highlighted.
    const commentForm = commenterScreen.comments.locator('form').first();
    const commentField = commentForm.getByLabel('Your comment');
    await commentField.pressSequentially('Do we have this by ward? @Ami');
    await expect(commentForm.getByRole('option', { name: /^Amira Khan/ })).toBeVisible();
    await commentField.press('Enter');
    await expect(commentField).toHaveValue('Do we have this by ward? @Amira Khan ');
    await commentForm.getByRole('button', { name: 'Add comment' }).click();
    // The badge of the person mentioned counts it at once: no reload, no minute's wait.
    await expect(amira.page.getByTestId('mentions-link')).toContainText('(1 unread)');
    const onIndicator = editorScreen.threads.filter({ hasText: 'Do we have this by ward?' });
    await expect(onIndicator).toBeVisible();
    await expect(onIndicator).toContainText(`Indicator: ${indicatorName}`);
    await expect(onIndicator).toContainText('Mentioned: Amira Khan');
    await amira.page.screenshot({ path: 'test-results/screens/needs-assessment-highlight.png' });

    // Clicking the highlight opens its thread; the editor replies and resolves it.
    await editorScreen.narrative('Safe').locator('.comment-highlight').click();
    const passageThread = editorScreen.threads.filter({ hasText: 'Which source is this from?' });
    await expect(passageThread).toBeFocused();
    await passageThread.getByRole('button', { name: /^Reply/ }).click();
    await passageThread.getByLabel('Your reply').fill('The 2025 children in need census.');
    await passageThread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(commenterScreen.threads.filter({ hasText: 'children in need census' })).toBeVisible();
    await passageThread.getByRole('button', { name: /^Resolve/ }).click();
    await expect(commenterScreen.threads.filter({ hasText: 'Which source is this from?' })).toHaveCount(0);
    await commenterScreen.comments.getByLabel(/^Resolved/).check();
    await expect(commenterScreen.threads.filter({ hasText: 'Which source is this from?' })).toContainText(
      'Resolved by Amira Khan',
    );

    // Deleting the passage keeps the thread, shown as "anchor removed".
    await commenterScreen.comments.getByLabel(/^Open/).check();
    await editorScreen.comments.getByLabel(/^Resolved/).check();
    await editorScreen.threads.getByRole('button', { name: /^Reopen/ }).click();
    await editorScreen.narrative('Safe').press('ControlOrMeta+a');
    await editorScreen.narrative('Safe').press('Delete');
    await editorScreen.comments.getByLabel(/^Open/).check();
    await expect(passageThread).toContainText('Anchor removed');
    await expect(commenterScreen.threads.filter({ hasText: 'Which source is this from?' })).toContainText(
      'Anchor removed',
    );
    await cora.page.screenshot({ path: 'test-results/screens/needs-assessment-anchor-removed.png' });

    // The mention is in the editor's inbox.
    await amira.page.getByTestId('mentions-link').click();
    await expect(amira.page.getByRole('heading', { name: 'Mentions', level: 1 })).toBeVisible();
    await expect(amira.page.getByTestId('mentions-unread')).toHaveText('You have 1 unread mention.');
    await expect(amira.page.getByText('Do we have this by ward? @Amira Khan', { exact: true })).toBeVisible();
    await expect(
      amira.page.getByText('Cora Lewis mentioned you in Annotated partnership', { exact: false }),
    ).toBeVisible();
    expect(await seriousAccessibilityViolations(amira.page)).toEqual([]);
    await amira.page.screenshot({ path: 'test-results/screens/mentions.png', fullPage: true });
    await amira.page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(amira.page.getByTestId('mentions-unread')).toHaveText('You have no unread mentions.');

    for (const context of [amira.context, cora.context, admin.context]) await context.close();
  });

  test('edits made offline survive a reload and merge on reconnect', async ({ browser }) => {
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Offline narrative', [
      { displayName: 'Amira Khan', role: 'editor' },
      { displayName: 'Ben Ortiz', role: 'editor' },
    ]);
    const [amira, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const amiraScreen = new NeedsAssessmentPage(amira.page);
    const benScreen = new NeedsAssessmentPage(ben.page);
    // Playwright's route() does not see WebSockets, and routeWebSocket() only patches pages opened after it.
    let serverReachable = true;
    await ben.context.routeWebSocket(/\/collab\//, (socket) => {
      if (serverReachable) socket.connectToServer();
      else void socket.close({ code: 4000, reason: 'unreachable' });
    });
    await amiraScreen.open(partnershipId);
    await benScreen.open(partnershipId);
    await amiraScreen.narrative('Safe').click();
    await amiraScreen.narrative('Safe').pressSequentially('Shared opening.');
    await expect(benScreen.narrative('Safe')).toHaveText('Shared opening.');

    await ben.context.setOffline(true);
    await expect(benScreen.status).toContainText('Offline');
    await benScreen.narrative('Safe').click();
    await benScreen.narrative('Safe').press('ControlOrMeta+End');
    await benScreen.narrative('Safe').pressSequentially(' Written on the train.');
    await expect(benScreen.status).toContainText(/Offline — \d+ changes? saved on this device/);
    // Meanwhile the other person keeps writing at the start.
    await amiraScreen.narrative('Safe').press('ControlOrMeta+Home');
    await amiraScreen.narrative('Safe').pressSequentially('Online: ');

    // A reload while the server is still out of reach keeps the work: it comes from the copy on the device (it has
    // Ben's sentence but not yet what Amira wrote meanwhile).
    serverReachable = false;
    await ben.context.setOffline(false);
    await ben.page.reload();
    await expect(benScreen.narrative('Safe')).toHaveText('Shared opening. Written on the train.');
    await expect(benScreen.status).toContainText(/Reconnecting… — \d+ changes? saved on this device/);
    serverReachable = true;

    await expect(benScreen.status).toContainText('Connected');
    const merged = 'Online: Shared opening. Written on the train.';
    await expect(amiraScreen.narrative('Safe')).toHaveText(merged);
    await expect(benScreen.narrative('Safe')).toHaveText(merged);
    for (const context of [amira.context, ben.context, admin.context]) await context.close();
  });

  test('pasted scripts, handlers, unsafe links and styles are dropped; Word structure is kept', async ({ browser }) => {
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Paste partnership', [
      { displayName: 'Amira Khan', role: 'editor' },
    ]);
    const amira = people[0]!;
    const screen = new NeedsAssessmentPage(amira.page);
    await screen.open(partnershipId);
    await screen.narrative('Safe').click();
    await amira.page.evaluate(() => {
      (window as unknown as { pwned: boolean }).pwned = false;
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<h1>Findings</h1><img src=x onerror="window.pwned=true"><script>window.pwned=true</script>' +
          '<p style="position:fixed;inset:0;background:red" onclick="window.pwned=true">Pasted words</p>' +
          '<a href="javascript:window.pwned=true">bad link</a> <a href="https://www.gov.uk/">good link</a>' +
          '<ul><li>First</li><li>Second</li></ul><table><tr><th>Ward</th></tr><tr><td>North</td></tr></table>',
      );
      data.setData('text/plain', 'Pasted words');
      const target = document.querySelector('[aria-label="Narrative for Safe"]')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const editor = screen.narrative('Safe');
    await expect(editor).toContainText('Pasted words');
    await expect(editor.locator('h2')).toHaveText('Findings');
    await expect(editor.locator('li')).toHaveCount(2);
    await expect(editor.locator('th')).toHaveText('Ward');
    await expect(editor.locator('img, script, [onclick], [onerror], p[style]')).toHaveCount(0);
    await expect(editor.locator('a[href^="javascript"]')).toHaveCount(0);
    await expect(editor.locator('a[href="https://www.gov.uk/"]')).toHaveText('good link');
    expect(await amira.page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);

    // The export is sanitised too.
    const exported = await amira.context.request.get(`/api/partnerships/${partnershipId}/needs-assessment/export.html`);
    expect(exported.status()).toBe(200);
    const html = await exported.text();
    expect(html).toContain('Pasted words');
    expect(html).not.toMatch(/onerror|onclick|<script|<img|javascript:|position:fixed/);
    await amira.context.close();
    await admin.context.close();
  });

  test('the needs assessment screen has no serious accessibility violations (editor and commenter)', async ({
    browser,
  }) => {
    const { partnershipId, admin, people } = await outcomesPartnershipWith(browser, 'Accessible narrative', [
      { displayName: 'Amira Khan', role: 'editor' },
      { displayName: 'Cora Lewis', role: 'commenter' },
    ]);
    const [amira, cora] = people as [(typeof people)[0], (typeof people)[0]];
    const editorScreen = new NeedsAssessmentPage(amira.page);
    await editorScreen.open(partnershipId);
    await editorScreen.narrative('Safe').click();
    await editorScreen
      .narrative('Safe')
      .pressSequentially(
        'Referrals to children’s social care rose by 12% in 2025, mostly for neglect. Domestic abuse is the most common factor.',
      );
    await amira.page
      .getByRole('button', { name: /^Story behind the curve/ })
      .first()
      .click();
    // The curve the story is about sits above it: each metric of the outcome, with its data or its status.
    const curve = amira.page.getByRole('group', { name: /^The curve:/ }).first();
    await expect(curve.locator('.small-multiple').first()).toBeVisible();
    const story = amira.page.getByRole('textbox', { name: /^Story behind the curve:/ }).first();
    await story.click();
    await story.pressSequentially('The rate is above England’s and rising.');
    await amira.page
      .getByRole('button', { name: /^Comment on this outcome/ })
      .first()
      .click();
    await editorScreen.writeComment('Can we show the trend since 2019?');
    expect(await seriousAccessibilityViolations(amira.page)).toEqual([]);
    await amira.page.screenshot({ path: 'test-results/screens/needs-assessment-editor.png', fullPage: true });
    await amira.page.evaluate(() => window.scrollTo(0, 0));
    await amira.page.screenshot({ path: 'test-results/screens/needs-assessment-editor-top.png' });

    const commenterScreen = new NeedsAssessmentPage(cora.page);
    await commenterScreen.open(partnershipId);
    await expect(commenterScreen.threads).toHaveCount(1);
    expect(await seriousAccessibilityViolations(cora.page)).toEqual([]);
    await cora.page.screenshot({ path: 'test-results/screens/needs-assessment-commenter.png' });
    for (const context of [amira.context, cora.context, admin.context]) await context.close();
  });
});
