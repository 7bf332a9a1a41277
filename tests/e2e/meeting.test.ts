import { mkdirSync } from 'node:fs';
import {
	expect as baseExpect,
	test,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { campaignIdOf, DEMO_PASSWORD } from './helpers';

/** Several browsers and one server on a shared two-core machine: allow for slow answers. */
const expect = baseExpect.configure({ timeout: 20_000 });

/** Where the screenshots for the closing note go (looked at by a person, not compared). */
const SHOTS = process.env.SHOTS_DIR || '/work/notes/shots';

const opened: BrowserContext[] = [];
test.afterEach(async () => {
	await Promise.all(opened.splice(0).map((context) => context.close()));
});

/** Signs in through the real form; password hashing on a busy machine may take seconds. */
async function signIn(page: Page, username: string) {
	await page.goto('/login');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

async function meetingAs(
	browser: Browser,
	username: string,
	query = ''
): Promise<{ page: Page; campaignId: number }> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	opened.push(context);
	const page = await context.newPage();
	await signIn(page, username);
	const campaignId = campaignIdOf(page);
	await page.goto(`/c/${campaignId}/meeting${query}`);
	return { page, campaignId };
}

async function shoot(page: Page, name: string) {
	mkdirSync(SHOTS, { recursive: true });
	for (const [width, height] of [
		[1920, 1080],
		[1366, 768]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
	}
	await page.setViewportSize({ width: 1920, height: 1080 });
}

/** The smallest computed font size of any visible element that holds text itself. */
async function smallestVisibleText(page: Page): Promise<{ size: number; text: string }> {
	return page.evaluate(() => {
		let smallest = { size: Infinity, text: '' };
		for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
			const own = Array.from(element.childNodes)
				.filter((n) => n.nodeType === Node.TEXT_NODE)
				.map((n) => n.textContent ?? '')
				.join('')
				.trim();
			if (!own || ['TITLE', 'STYLE', 'SCRIPT', 'NOSCRIPT'].includes(element.tagName)) continue;
			const rect = element.getBoundingClientRect();
			const style = getComputedStyle(element);
			// Visually hidden helpers (SvelteKit's route announcer) are 1 px boxes, not visible text.
			if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') continue;
			const size = parseFloat(style.fontSize);
			if (size < smallest.size) smallest = { size, text: own.slice(0, 40) };
		}
		return smallest;
	});
}

const fontSize = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

test('a whole joint review: attendance, quorum, a 差额 ballot, secret counts, results, proposing', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const { page: secretary, campaignId } = await meetingAs(browser, 'secretary');
	await secretary.getByRole('button', { name: '开始会议' }).click();
	await expect(secretary.getByTestId('quorum')).toContainText('应到 7');

	const { page: screen } = await meetingAs(browser, 'screen');
	await expect(screen.getByTestId('meeting-screen')).toBeVisible();
	const { page: p3 } = await meetingAs(browser, 'panelist3');
	const { page: p4 } = await meetingAs(browser, 'panelist4');
	const { page: p5 } = await meetingAs(browser, 'panelist5');

	// The track of a candidate panelist3 must recuse from (their unit nominated it).
	const recusedItem = p3.locator('[data-recused="true"]').first();
	const track = (await recusedItem.getAttribute('data-track'))!;
	const recusedId = (await recusedItem.getAttribute('data-agenda-id'))!;

	// Attendance: the secretary signs in four; no quorum yet (4 < 7 × 2/3).
	const ids = await secretary
		.locator('[data-testid^="present-"]')
		.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-testid')!.slice(8)));
	const [, , id3, id4, id5, id6, id7] = ids;
	for (const [n, id] of [id3, id5, id6, id7].entries()) {
		await secretary.getByTestId(`present-${id}`).check();
		await expect(secretary.getByTestId('quorum')).toContainText(`实到 ${n + 1}`);
	}
	await expect(secretary.getByTestId('quorum')).toContainText('实到 4');
	await expect(screen.getByTestId('screen-quorum')).toContainText('未达法定人数');
	await secretary.getByTestId(`ballot-${track}`).click();
	await expect(secretary.getByRole('alert')).toContainText('不能开始表决');
	// panelist4 signs in from their own device: 5 of 7, quorum met, on every screen.
	await p4.getByTestId(`present-${id4}`).check();
	await expect(screen.getByTestId('screen-quorum')).toContainText('实到 5 人');
	await expect(screen.getByTestId('screen-quorum')).toContainText('已达法定人数');

	// The chair puts a candidate on screen with the keyboard.
	await secretary.locator('body').click({ position: { x: 5, y: 5 } });
	await secretary.keyboard.press('ArrowRight');
	await expect(screen.getByTestId('screen-current')).toBeVisible();
	// The screen: a summary of deeds, and nothing personal (no ID, phone, postcode, birth month).
	await expect(screen.getByTestId('screen-deeds')).toContainText('主要事迹');
	const screenText = (await screen.getByTestId('meeting-screen').textContent())!;
	expect(screenText).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}|出生|邮编|\b\d{6}\b|\d{4}\.\d{2}/);
	await expect(secretary.getByTestId('timer-icon')).toBeVisible();

	// A panelist writes the 评审意见 on their device; the screen shows it, read-only.
	await expect(p5.getByTestId('device-comment')).toBeVisible();
	await p5.locator('[data-testid="device-comment"] [contenteditable="true"]').click();
	await p5.keyboard.type('事迹突出，同意推荐。');
	await expect(p5.getByTestId('comment-status')).toHaveText('已保存');
	await expect(screen.getByTestId('screen-comment')).toContainText('事迹突出，同意推荐。');
	await expect(
		screen.locator('[data-testid="screen-comment"] [contenteditable="true"]')
	).toHaveCount(0);

	// A 差额 ballot on the track: progress only, no choices, on every screen.
	await secretary.getByTestId(`ballot-${track}`).click();
	await expect(screen.getByTestId('screen-progress')).toHaveText(/已投 0 \/ 应投 5/);
	await expect(p3.getByTestId(`recused-${recusedId}`)).toHaveText('回避');
	// The first candidate nobody present is recused from (p3 has vote buttons for it).
	const firstVotable = p3.locator('[data-testid$="-approve"]').first();
	const candidateId = (await firstVotable.getAttribute('data-testid'))!.split('-')[1]!;
	for (const p of [p3, p4, p5]) {
		await p.getByTestId(`vote-${candidateId}-approve`).click();
		await expect(p.getByTestId(`vote-${candidateId}-approve`)).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	}
	await expect(screen.getByTestId('screen-progress')).toHaveText(/已投 3 \/ 应投 5/);
	await expect(secretary.getByTestId('round-progress')).toHaveText(/已投 3 \/ 应投 5/);
	await expect(p5.getByTestId('approvals-left')).toBeVisible();
	await expect(screen.getByTestId('round-results')).toHaveCount(0);
	await shoot(secretary, 'meeting-console');
	await shoot(p3, 'meeting-panelist-recused');
	await shoot(p5, 'meeting-panelist');
	await shoot(screen, 'meeting-screen-open');

	// The screen's type: nothing under 24 px, body ≥ 28, names ≥ 48, meter figures ≥ 40.
	const smallest = await smallestVisibleText(screen);
	expect(smallest.size, `smallest text: ${smallest.text}`).toBeGreaterThanOrEqual(24);
	expect(await fontSize(screen, '[data-testid="meeting-screen"]')).toBeGreaterThanOrEqual(28);
	expect(await fontSize(screen, '[data-testid="screen-current"] h2')).toBeGreaterThanOrEqual(48);
	expect(await fontSize(screen, `[data-testid="meter-${track}-value"]`)).toBeGreaterThanOrEqual(40);

	// Close with the keyboard: results on every screen.
	const meterBefore = (await screen.getByTestId(`meter-${track}-value`).textContent())!;
	const proposedBefore = Number(meterBefore.split('/')[0]!.trim());
	await secretary.locator('body').click({ position: { x: 5, y: 5 } });
	await secretary.keyboard.press('c');
	await expect(screen.getByTestId(`outcome-${candidateId}`)).toHaveText('通过');
	await expect(p4.getByTestId(`outcome-${candidateId}`)).toHaveText('通过');
	// The turnout says how the unmarked count: 已投 3 of 应投 5, the rest 弃权.
	await expect(screen.getByTestId('screen-turnout')).toHaveText(
		'应投 5 人，已投 3 人，未投按弃权计'
	);
	await expect(secretary.getByTestId('console-turnout')).toContainText('未投按弃权计');
	await shoot(screen, 'meeting-screen-results');
	// However long the ballot, the meters stay whole on the screen, in one row of four.
	for (const [width, height] of [
		[1920, 1080],
		[1366, 768]
	] as const) {
		await screen.setViewportSize({ width, height });
		const meters = await screen
			.locator('[data-testid^="meter-"][data-state]')
			.evaluateAll((boxes) => boxes.map((box) => box.getBoundingClientRect().toJSON() as DOMRect));
		expect(meters).toHaveLength(4);
		expect(new Set(meters.map((box) => Math.round(box.top))).size, `${width}: one row`).toBe(1);
		const all = (await screen.getByTestId('quota-meters').boundingBox())!;
		expect(all.y + all.height, `${width}×${height}: meters inside the screen`).toBeLessThanOrEqual(
			height
		);
		const smallestThere = await smallestVisibleText(screen);
		expect(smallestThere.size, `${width}: ${smallestThere.text}`).toBeGreaterThanOrEqual(24);
	}
	await screen.setViewportSize({ width: 1920, height: 1080 });

	// The board's meters show the same: 本轮通过 / 待拟表彰 per track, the caps with base and %.
	const board = await secretary.context().newPage();
	await board.goto(`/c/${campaignId}/board`);
	await expect(board.getByTestId(`meter-${track}-passing`)).toContainText(
		'本轮通过 1 · 待拟表彰 1'
	);
	await expect(board.getByTestId('caps')).toContainText('基数 90');
	await expect(board.getByTestId('cap-division')).toHaveText(/\d+ \/ 18（\d+%）/);
	await expect(screen.getByTestId(`meter-${track}-passing`)).toContainText(
		'本轮通过 1 · 待拟表彰 1'
	);

	// Propose the passing: the meters move on every screen, no override.
	await secretary.getByRole('button', { name: '将通过者按名次提为拟表彰' }).click();
	for (const page of [screen, secretary, p5, board])
		await expect(page.getByTestId(`meter-${track}-value`)).toHaveText(
			new RegExp(`^\\s*${proposedBefore + 1} /`)
		);
	await expect(board.getByTestId(`meter-${track}-passing`)).toContainText(
		'本轮通过 1 · 待拟表彰 0'
	);

	// The minutes list the round with its counts and the recusal.
	await secretary.goto(`/c/${campaignId}/meeting/minutes`);
	await expect(secretary.getByTestId('minutes-meeting')).toContainText('实到 5 人');
	await expect(secretary.getByTestId('minutes-meeting')).toContainText('所在单位推荐');
});

test('the members page seats the panel and records a recusal; a panelist declares their own', async ({
	browser
}) => {
	test.setTimeout(180_000);
	// Runs after the whole meeting above: its meeting is still open.
	const { page: secretary, campaignId } = await meetingAs(browser, 'secretary');
	await expect(secretary.getByTestId('quorum')).toContainText('应到 7');
	const members = await secretary.context().newPage();
	await members.goto(`/c/${campaignId}/members`);
	const seat7 = members.getByTestId('seat-panelist7');
	await seat7.getByRole('button', { name: /移出/ }).click();
	await expect(members.getByTestId('on-panel-panelist7')).toHaveText('不在评审委员会中');
	await expect(secretary.getByTestId('quorum')).toContainText('应到 6');
	await seat7.getByRole('button', { name: /加入/ }).click();
	await expect(members.getByTestId('on-panel-panelist7')).toHaveText('在评审委员会中');
	await expect(secretary.getByTestId('quorum')).toContainText('应到 7');

	// The secretary records panelist6's conflict with a candidate on the agenda.
	const { page: p6 } = await meetingAs(browser, 'panelist6');
	const item = p6.locator('[data-agenda-id][data-recused="false"]').first();
	const candidateId = (await item.getAttribute('data-agenda-id'))!;
	const p6Id = await members
		.getByTestId('seat-panelist6')
		.locator('input[name="userId"]')
		.inputValue();
	await members.getByLabel('评审委员', { exact: true }).selectOption(p6Id);
	await members.getByLabel('候选对象').selectOption(candidateId);
	await members.getByLabel('回避理由').fill('与候选对象系近亲属');
	await members.getByRole('button', { name: '登记回避' }).click();
	await expect(members.getByTestId('conflicts')).toContainText('与候选对象系近亲属');
	// panelist6's device shows it at once (a board event), and on the candidate itself.
	await expect(p6.locator(`[data-agenda-id="${candidateId}"]`)).toHaveAttribute(
		'data-recused',
		'true'
	);
	await p6.locator(`[data-agenda-id="${candidateId}"]`).click();
	await expect(p6.getByTestId('current-recused')).toBeVisible();

	// Recorded by mistake: the secretary withdraws it with a reason; the answer stays in sight at
	// the bottom of the page, and panelist6's device lets them vote on it again at once.
	const row = members.getByTestId('conflicts').getByRole('row', { name: /杨丽娟/ });
	await row.getByPlaceholder('撤回理由').fill('登记有误');
	await row.getByRole('button', { name: /撤回/ }).click();
	await expect(members.getByTestId('action-message')).toHaveText(/已撤回回避/);
	await expect(members.getByTestId('action-message')).toBeInViewport();
	await expect(members.getByTestId('conflicts')).toHaveCount(0);
	await expect(p6.locator(`[data-agenda-id="${candidateId}"]`)).toHaveAttribute(
		'data-recused',
		'false'
	);
	await expect(p6.getByTestId('current-recused')).toHaveCount(0);

	// panelist5 declares their own conflict from their device, for the candidate they look at.
	const { page: p5 } = await meetingAs(browser, 'panelist5');
	await p5.locator(`[data-agenda-id="${candidateId}"]`).click();
	await p5.getByText('申报回避', { exact: true }).first().click();
	await p5.getByLabel('回避理由').fill('曾在该单位任职');
	await p5.getByRole('button', { name: '申报回避' }).click();
	await expect(p5.getByTestId('current-recused')).toBeVisible();
	await members.reload();
	await expect(members.getByTestId('conflicts')).toContainText('曾在该单位任职');
	await expect(members.getByTestId('conflicts')).toContainText('本人申报');
});

test('the chair ends the meeting: refused while a round is open, then every screen and the minutes say so', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { page: secretary, campaignId } = await meetingAs(browser, 'secretary');
	const { page: screen } = await meetingAs(browser, 'screen');
	await expect(secretary.getByTestId('quorum')).toBeVisible();
	secretary.on('dialog', (dialog) => void dialog.accept());
	// A round open on the current candidate: ending is refused with what to do.
	await secretary.locator('[data-agenda-id]').first().click();
	await secretary.getByRole('button', { name: '对当前候选对象表决（O）' }).click();
	await expect(secretary.getByTestId('round-progress')).toBeVisible();
	await secretary.getByRole('button', { name: '结束会议' }).click();
	await expect(secretary.getByRole('alert')).toHaveText(
		'本轮表决尚未结束，请先结束表决（C），再结束会议。'
	);
	await secretary.getByRole('button', { name: '结束表决（C）' }).click();
	await expect(secretary.getByTestId('console-turnout')).toBeVisible();
	await secretary.getByRole('button', { name: '结束会议' }).click();
	await expect(secretary.getByTestId('meeting-ended')).toContainText('结束');
	await expect(screen.getByTestId('screen-ended')).toContainText('会议已结束');
	await secretary.goto(`/c/${campaignId}/meeting/minutes`);
	await expect(secretary.getByTestId('minutes-time').first()).toContainText('结束');
});
