import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { campaignIdOf, signIn } from './helpers';

/** Contexts a test opened; closed after it, so open boards do not pile up on the server. */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
	await Promise.all(opened.splice(0).map((context) => context.close()));
});

async function boardAs(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	opened.push(context);
	const page = await context.newPage();
	await signIn(page, username);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
	return page;
}

const column = (page: Page, stage: string) => page.locator(`[data-column="${stage}"]`);
const cardIn = (page: Page, stage: string, id: string) =>
	column(page, stage).locator(`[data-candidate-id="${id}"]`);

test.describe('the live board', () => {
	test('a drag by the secretary shows on another screen without reload', async ({ browser }) => {
		const secretary = await boardAs(browser, 'secretary');
		const panelist = await boardAs(browser, 'panelist5');
		// A clean card (no error badge) waiting in 推荐申报.
		const card = column(secretary, 'submitted')
			.locator('[data-candidate-id]', { hasNot: secretary.getByText(/^错 \d+$/) })
			.first();
		const id = (await card.getAttribute('data-candidate-id'))!;
		await panelist.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

		await card.dragTo(column(secretary, 'preliminary'));

		await expect(cardIn(secretary, 'preliminary', id)).toBeVisible();
		await expect(cardIn(panelist, 'preliminary', id)).toBeVisible();
		await expect(cardIn(panelist, 'submitted', id)).toHaveCount(0);
		// Same page, no reload: the marker set before the move is still there.
		expect(await panelist.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(
			true
		);
	});

	test('a keyboard move with an override moves the meters everywhere and is in the history', async ({
		browser
	}) => {
		const secretary = await boardAs(browser, 'secretary');
		const screen = await boardAs(browser, 'screen');
		const meter = (page: Page) => page.getByTestId('meter-suggestion-value');
		const before = (await meter(screen).textContent())!.trim();
		const [proposed, quota] = before.split('/').map((part) => Number(part.trim()));

		const card = column(secretary, 'joint')
			.locator('[data-candidate-id]', { hasText: '优秀建议' })
			.first();
		const id = (await card.getAttribute('data-candidate-id'))!;
		const menuButton = card.getByRole('button', { name: /^移动「.+」至…$/ });
		await menuButton.focus();
		await secretary.keyboard.press('Enter');
		await expect(secretary.getByRole('menuitem', { name: '拟表彰' })).toBeFocused();
		await secretary.keyboard.press('Enter');

		// No vote has been held: the server refuses, and the dialog asks for a written reason.
		const dialog = secretary.getByRole('dialog');
		await expect(dialog).toContainText('T-VOTE-NOT-PASSED');
		await dialog.getByRole('button', { name: '填写理由并放行' }).click();
		await expect(cardIn(secretary, 'joint', id)).toBeVisible(); // an empty reason is not accepted
		await dialog.getByLabel(/放行理由/).fill('经联席会议研究同意列入');
		await dialog.getByRole('button', { name: '填写理由并放行' }).click();

		await expect(cardIn(secretary, 'proposed', id)).toBeVisible();
		await expect(cardIn(screen, 'proposed', id)).toBeVisible();
		await expect(meter(screen)).toHaveText(`${proposed! + 1} / ${quota}`);
		await expect(meter(secretary)).toHaveText(`${proposed! + 1} / ${quota}`);

		const title = cardIn(secretary, 'proposed', id).getByRole('button').first();
		await title.focus();
		await secretary.keyboard.press('Enter');
		const history = secretary.getByTestId('history');
		await expect(history).toContainText('越过关卡移动');
		await expect(history).toContainText('理由：经联席会议研究同意列入');
		// The gate by its Chinese name, the code small beside it; the actor by display name.
		await expect(history.getByTestId('overridden-gate').first()).toHaveText(
			/越过关卡：联合评审表决未通过\s*T-VOTE-NOT-PASSED/
		);
		await expect(history).toContainText('秘书处（演示）');
		// Escape closes the panel and puts the keyboard back on the card it came from.
		await secretary.keyboard.press('Escape');
		await expect(history).toHaveCount(0);
		await expect(title).toBeFocused();
	});

	test('a refused move snaps back and says why, with its code', async ({ browser }) => {
		const secretary = await boardAs(browser, 'secretary');
		const withErrors = column(secretary, 'submitted')
			.locator('[data-candidate-id]', { has: secretary.getByText(/^错 \d+$/) })
			.first();
		const id = (await withErrors.getAttribute('data-candidate-id'))!;
		await withErrors.dragTo(column(secretary, 'preliminary'));
		const dialog = secretary.getByRole('dialog');
		await expect(dialog).toContainText('T-FINDINGS-OPEN');
		await dialog.getByRole('button', { name: '取消' }).click();
		await expect(cardIn(secretary, 'submitted', id)).toBeVisible();

		// Skipping a column is no gate to override: it is refused outright.
		await cardIn(secretary, 'submitted', id).dragTo(column(secretary, 'joint'));
		await expect(secretary.getByRole('alert').filter({ hasText: 'T-MOVE-INVALID' })).toBeVisible();
		await expect(cardIn(secretary, 'submitted', id)).toBeVisible();
	});

	test('a bulk move takes every selected card', async ({ browser }) => {
		const secretary = await boardAs(browser, 'secretary');
		const cards = column(secretary, 'preliminary').locator('[data-candidate-id]');
		const ids = [
			(await cards.nth(0).getAttribute('data-candidate-id'))!,
			(await cards.nth(1).getAttribute('data-candidate-id'))!
		];
		for (const id of ids) await cardIn(secretary, 'preliminary', id).getByRole('checkbox').check();
		await secretary
			.getByRole('region', { name: '批量操作' })
			.getByRole('button', { name: /^将所选 \d+ 项移至…$/ })
			.click();
		await secretary.getByRole('menuitem', { name: '未入选' }).click();
		// Sending cards off the forward path is confirmed with a written reason.
		const dialog = secretary.getByRole('dialog');
		await dialog.getByLabel(/理由/).fill('经初审不符合推荐条件');
		await dialog.getByRole('button', { name: '确认列为未入选' }).click();
		await secretary.getByRole('button', { name: /展开 未入选/ }).click();
		for (const id of ids) await expect(cardIn(secretary, 'not_selected', id)).toBeVisible();
	});

	test('an observer has no move controls and its forged move is refused', async ({ browser }) => {
		const screen = await boardAs(browser, 'screen');
		const card = column(screen, 'submitted').locator('[data-candidate-id]').first();
		await expect(card).toBeVisible();
		await expect(screen.getByRole('button', { name: /至…$/ })).toHaveCount(0);
		await expect(screen.getByRole('checkbox', { name: /^选择/ })).toHaveCount(0);
		await expect(card).toHaveAttribute('draggable', 'false');

		const response = await screen.request.post(`/c/${campaignIdOf(screen)}/board?/move`, {
			form: { candidateId: (await card.getAttribute('data-candidate-id'))!, to: 'withdrawn' },
			headers: { Origin: new URL(screen.url()).origin, Accept: 'application/json' }
		});
		expect(response.status()).toBe(403);
		await screen.reload();
		await expect(card).toBeVisible();
	});

	test('filters live in the URL, so a view can be shared', async ({ browser }) => {
		const panelist = await boardAs(browser, 'panelist6');
		await panelist.getByLabel('类别').selectOption('suggestion');
		await panelist.getByLabel('搜索').fill('建议');
		await expect(panelist).toHaveURL(/track=suggestion/);
		const shared = panelist.url();
		const other = await boardAs(browser, 'panelist1');
		await other.goto(shared);
		await expect(other.getByLabel('类别')).toHaveValue('suggestion');
		const tracks = await other
			.locator('[data-candidate-id] p:first-of-type span')
			.allTextContents();
		expect(tracks.length).toBeGreaterThan(0);
		expect(new Set(tracks)).toEqual(new Set(['优秀建议']));
	});
});

test('a move posted from another site is refused even with a secretary’s session', async ({
	browser
}) => {
	const secretary = await boardAs(browser, 'secretary');
	const card = column(secretary, 'submitted').locator('[data-candidate-id]').first();
	const id = (await card.getAttribute('data-candidate-id'))!;
	const response = await secretary.request.post(`/c/${campaignIdOf(secretary)}/board?/move`, {
		form: { candidateId: id, to: 'withdrawn' },
		headers: { Origin: 'https://evil.example' }
	});
	expect(response.status()).toBe(403);
	await secretary.reload();
	await expect(cardIn(secretary, 'submitted', id)).toBeVisible();
});

test('from 拟表彰 to 表彰: dates asked, an objection holds it back until settled', async ({
	browser
}) => {
	const secretary = await boardAs(browser, 'secretary');
	const id = (await column(secretary, 'proposed')
		.locator('[data-candidate-id]')
		.first()
		.getAttribute('data-candidate-id'))!;
	const card = (stage: string) => cardIn(secretary, stage, id);
	const moveTo = async (from: string, to: string) => {
		await card(from)
			.getByRole('button', { name: /^移动「.+」至…$/ })
			.click();
		await secretary.getByRole('menuitem', { name: to }).click();
	};
	const dialog = secretary.getByRole('dialog');

	await moveTo('proposed', '党组审定');
	await dialog.getByLabel('党组会议日期').fill('2022-11-25');
	await dialog.getByRole('button', { name: '确认移动' }).click();
	await expect(card('approved')).toBeVisible();

	await moveTo('approved', '公示');
	await dialog.getByLabel('公示开始日期').fill('2022-12-01');
	await dialog.getByRole('button', { name: '确认移动' }).click();
	await expect(card('notice')).toBeVisible();

	await card('notice').getByRole('button').first().click();
	const panel = secretary.getByRole('complementary', { name: '候选对象详情' });
	await expect(panel).toContainText('公示 2022-12-01 至 2022-12-07');
	await expect(panel).toContainText('党组会议 2022-11-25');
	const history = panel.getByTestId('history');
	await expect(history).toContainText(/拟表彰 → 党组审定（[^）]+）；党组会议 2022-11-25/);
	await expect(history).toContainText(/党组审定 → 公示（[^）]+）；公示 2022-12-01 至 2022-12-07/);
	await panel.getByLabel('异议内容').fill('来信反映事迹材料中的数据有出入');
	await panel.getByRole('button', { name: '登记异议' }).click();
	await expect(panel.getByRole('status').filter({ hasText: '异议' })).toHaveText(
		'已登记异议；处理完毕前不能表彰。'
	);
	await expect(history).toContainText('登记公示异议');
	await expect(history).not.toContainText('objection.record');
	await secretary.keyboard.press('Escape');

	await moveTo('notice', '表彰');
	// An open objection is a hard gate: said in a notice, with no reason to fill in.
	const held = secretary.getByRole('alert').filter({ hasText: 'T-OBJECTION-OPEN' });
	await expect(held).toContainText('异议尚未办结');
	await expect(dialog).toBeHidden();
	await expect(card('notice')).toBeVisible();

	await card('notice').getByRole('button').first().click();
	await panel.getByLabel('处理结果').fill('经核查，数据以审计报告为准，不影响推荐');
	await panel.getByRole('button', { name: '办结' }).click();
	await expect(panel.getByRole('status').filter({ hasText: '异议' })).toHaveText('异议已办结。');
	await secretary.keyboard.press('Escape');

	await moveTo('notice', '表彰');
	await expect(card('commended')).toBeVisible();
});
