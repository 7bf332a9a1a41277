/**
 * Safe moves and a truthful board (issue 7, findings 11 and 13), in the browser: 撤销 / 未入选
 * are confirmed with a written reason and can be undone to the stage a card came from; the
 * 移至… menu names its card, does not wrap onto the destructive items, stays inside the
 * viewport and gives the keyboard back to the card; an open panel follows moves made elsewhere;
 * a card arriving in a paged column is drawn, highlighted and announced on every screen.
 */
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import { COLUMN_PAGE, MORE_CARDS } from '../../src/lib/board/paging';
import { DEMO_PASSWORD } from './helpers';

// Several screens each sign in (a password hash each): generous on a shared, busy machine.
test.setTimeout(120_000);

const opened: BrowserContext[] = [];
test.afterEach(async () => {
	await Promise.all(opened.splice(0).map((context) => context.close()));
});

async function boardAs(
	browser: Browser,
	username: string,
	viewport = { width: 1920, height: 1080 }
): Promise<Page> {
	const context = await browser.newContext({ viewport });
	opened.push(context);
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'open', {
		timeout: 30_000
	});
	return page;
}

const column = (page: Page, stage: string) => page.locator(`[data-column="${stage}"]`);
const cardIn = (page: Page, stage: string, id: string) =>
	column(page, stage).locator(`[data-candidate-id="${id}"]`);
/** The first card of a column without an error badge. */
const cleanCard = (page: Page, stage: string) =>
	column(page, stage)
		.locator('[data-candidate-id]', { hasNot: page.getByText(/^错 \d+$/) })
		.first();
const menuButton = (card: Locator) => card.getByRole('button', { name: /^移动「.+」至…$/ });
const titleOf = async (card: Locator) =>
	(await card.getByRole('button').first().textContent())!.trim();

test('撤销 asks for a written reason, and the secretary can bring the card back', async ({
	browser
}) => {
	const secretary = await boardAs(browser, 'secretary');
	await secretary.getByRole('button', { name: /展开 未入选/ }).click();
	const card = cleanCard(secretary, 'preliminary');
	const id = (await card.getAttribute('data-candidate-id'))!;
	const title = await titleOf(card);

	await menuButton(card).click();
	await secretary.getByRole('menuitem', { name: '撤销' }).click();
	const dialog = secretary.getByRole('dialog');
	await expect(dialog).toContainText(`将 “${title}” 移至“撤销”`);
	await expect(dialog).toContainText('撤销须写明理由');
	// No reason, no move.
	await dialog.getByRole('button', { name: '确认撤销' }).click();
	await expect(dialog).toBeVisible();
	await expect(cardIn(secretary, 'preliminary', id)).toBeVisible();
	await dialog.getByLabel(/理由/).fill('推荐单位来函撤回该推荐');
	await dialog.getByRole('button', { name: '确认撤销' }).click();
	await expect(cardIn(secretary, 'withdrawn', id)).toBeVisible();
	// The keyboard is back on the card, in its new column.
	await expect(menuButton(cardIn(secretary, 'withdrawn', id))).toBeFocused();

	// The way back is the stage it came from, and only that one.
	await menuButton(cardIn(secretary, 'withdrawn', id)).click();
	const menu = secretary.getByRole('menu');
	await expect(menu.getByRole('menuitem')).toHaveText(['恢复至“初审”']);
	await menu.getByRole('menuitem', { name: '恢复至“初审”' }).click();
	await expect(dialog).toContainText(`将 “${title}” 恢复至“初审”`);
	await dialog.getByLabel(/理由/).fill('来函系误发，恢复推荐');
	await dialog.getByRole('button', { name: '确认恢复至“初审”' }).click();
	await expect(cardIn(secretary, 'preliminary', id)).toBeVisible();
	await expect(cardIn(secretary, 'withdrawn', id)).toHaveCount(0);

	await cardIn(secretary, 'preliminary', id).getByRole('button').first().click();
	const history = secretary.getByTestId('history');
	await expect(history.locator('li').first()).toContainText('恢复至原环节 撤销 → 初审');
	await expect(history.locator('li').first()).toContainText('理由：来函系误发，恢复推荐');
	await expect(history.locator('li').nth(1)).toContainText('移动 初审 → 撤销');
	await expect(history.locator('li').nth(1)).toContainText('理由：推荐单位来函撤回该推荐');
	await expect(history).toContainText('秘书处（演示）');
});

test('the 移至… menu names its card, stops before 撤销 and gives the keyboard back', async ({
	browser
}) => {
	const secretary = await boardAs(browser, 'secretary');
	const card = cleanCard(secretary, 'submitted');
	const id = (await card.getAttribute('data-candidate-id'))!;
	const title = await titleOf(card);
	const button = card.getByRole('button', { name: `移动「${title}」至…` });
	await expect(button).toHaveText('移至…');

	await button.focus();
	await secretary.keyboard.press('Enter');
	const menu = secretary.getByRole('menu', { name: `移动「${title}」至…` });
	const item = (name: string) => menu.getByRole('menuitem', { name });
	await expect(menu.getByRole('menuitem')).toHaveText(['初审', '未入选…', '撤销…']);
	await expect(item('初审')).toBeFocused();
	// Up from the first item does not wrap onto the destructive end; End stays on the safe ones.
	await secretary.keyboard.press('ArrowUp');
	await expect(item('初审')).toBeFocused();
	await secretary.keyboard.press('End');
	await expect(item('初审')).toBeFocused();
	// Down reaches them one by one, and stops at the last.
	await secretary.keyboard.press('ArrowDown');
	await expect(item('未入选')).toBeFocused();
	await secretary.keyboard.press('ArrowDown');
	await expect(item('撤销')).toBeFocused();
	await secretary.keyboard.press('ArrowDown');
	await expect(item('撤销')).toBeFocused();
	await secretary.keyboard.press('Home');
	await expect(item('初审')).toBeFocused();
	await secretary.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);
	await expect(button).toBeFocused();

	await secretary.keyboard.press('Enter');
	await expect(item('初审')).toBeFocused();
	await secretary.keyboard.press('Enter');
	await expect(cardIn(secretary, 'preliminary', id)).toBeVisible();
	await expect(menuButton(cardIn(secretary, 'preliminary', id))).toBeFocused();
});

test('the menu opens fully inside the viewport at 1366×768, even low in a scrolled column', async ({
	browser
}) => {
	const secretary = await boardAs(browser, 'secretary', { width: 1366, height: 768 });
	const cards = column(secretary, 'submitted').locator('[data-candidate-id]');
	// A card far down the column, scrolled to the column's bottom edge.
	const low = cards.nth(20);
	await low.evaluate((element) => element.scrollIntoView({ block: 'end' }));
	const lastColumn = column(secretary, 'commended').locator('[data-candidate-id]').first();
	for (const card of [low, cards.first(), lastColumn]) {
		if ((await card.count()) === 0) continue;
		await menuButton(card).click();
		const menu = secretary.getByRole('menu');
		await expect(menu).toBeVisible();
		const box = (await menu.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(768);
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(1366);
		// Nothing clips or covers it: its last item is what the pointer would hit there.
		const hit = await menu
			.getByRole('menuitem')
			.last()
			.evaluate((element) => {
				const rect = element.getBoundingClientRect();
				const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
				return element === top || element.contains(top);
			});
		expect(hit).toBe(true);
		await secretary.keyboard.press('Escape');
		await expect(menu).toHaveCount(0);
	}
});

test('an open side panel follows its candidate when another screen moves it', async ({
	browser
}) => {
	const panelist = await boardAs(browser, 'panelist2');
	const secretary = await boardAs(browser, 'secretary');
	const card = cleanCard(panelist, 'joint');
	const id = (await card.getAttribute('data-candidate-id'))!;
	await card.getByRole('button').first().click();
	const panel = panelist.getByRole('complementary', { name: '候选对象详情' });
	await expect(panel.getByTestId('panel-stage')).toHaveText('联合评审');

	await menuButton(cardIn(secretary, 'joint', id)).click();
	await secretary.getByRole('menuitem', { name: '未入选' }).click();
	const dialog = secretary.getByRole('dialog');
	await dialog.getByLabel(/理由/).fill('经联合评审研究，不列入');
	await dialog.getByRole('button', { name: '确认列为未入选' }).click();

	// The panelist's panel shows the new stage and the move in its history, without a reload.
	await expect(panel.getByTestId('panel-stage')).toHaveText('未入选');
	await expect(panel.getByTestId('history').locator('li').first()).toContainText(
		'联合评审 → 未入选'
	);
	await expect(panel.getByTestId('history')).toContainText('理由：经联合评审研究，不列入');
});

test('a card arriving in a paged column is drawn, highlighted and announced on every screen', async ({
	browser
}) => {
	const screen = await boardAs(browser, 'screen');
	const secretary = await boardAs(browser, 'secretary');
	const target = column(screen, 'preliminary');
	const count = Number(await target.getByTestId('column-count').textContent());
	expect(count).toBeGreaterThan(COLUMN_PAGE + 1); // the column is paged: its first cards drawn
	await expect(target.getByRole('button', { name: /显示更多/ })).toBeVisible();

	// A clean card of the last units sorts at the end of 初审, far past its first page.
	const units = secretary.getByLabel('推荐单位').locator('option');
	const values = await units.evaluateAll((options) =>
		options.map((option) => (option as HTMLOptionElement).value).filter(Boolean)
	);
	let id: string | null = null;
	for (const value of values.reverse()) {
		await secretary.getByLabel('推荐单位').selectOption(value);
		// The server filters: the board shows the unit's cards once the address says so.
		await secretary.waitForURL(new RegExp(`[?&]unit=${value}(&|$)`));
		const card = cleanCard(secretary, 'submitted');
		if ((await card.count()) > 0) {
			id = await card.getAttribute('data-candidate-id');
			break;
		}
	}
	expect(id).not.toBeNull();
	const title = await titleOf(cardIn(secretary, 'submitted', id!));
	await expect(cardIn(screen, 'preliminary', id!)).toHaveCount(0);

	await menuButton(cardIn(secretary, 'submitted', id!)).click();
	await secretary.getByRole('menuitem', { name: '初审' }).click();

	const arrived = cardIn(screen, 'preliminary', id!);
	await expect(arrived).toBeVisible();
	await expect(arrived).toHaveAttribute('data-arrived', '');
	await expect(arrived).toBeInViewport();
	// Drawn beside the cards held, not instead of them (scrolled to, the column may load more
	// around it), and counted in.
	expect(await target.locator('[data-candidate-id]').count()).toBeGreaterThan(COLUMN_PAGE);
	await expect(target.getByTestId('column-count')).toHaveText(String(count + 1));
	await expect(screen.getByTestId('board-announcer')).toHaveText(`「${title}」已移至“初审”。`);
	await expect(cardIn(secretary, 'preliminary', id!)).toHaveAttribute('data-arrived', '');
	// The highlight is brief.
	await expect(arrived).not.toHaveAttribute('data-arrived', '', { timeout: 10_000 });
	await expect(arrived).toBeVisible();
});

test('a move of a card another screen has not loaded moves its counts and meters there', async ({
	browser
}) => {
	const screen = await boardAs(browser, 'screen');
	const secretary = await boardAs(browser, 'secretary');
	const count = (page: Page, stage: string) =>
		column(page, stage).getByTestId('column-count').textContent().then(Number);
	const meter = (page: Page) => page.getByTestId('meter-suggestion-value');
	const [joint, proposed] = [await count(screen, 'joint'), await count(screen, 'proposed')];
	const [listed, quota] = (await meter(screen).textContent())!.split('/').map(Number);
	await expect(column(screen, 'joint').getByRole('button', { name: /显示更多/ })).toBeVisible();

	// The secretary narrows the board to 联合评审's suggestions; the last of them sorts far past
	// the first page the screen holds of that column.
	await secretary.goto(`${new URL(secretary.url()).pathname}?track=suggestion&stage=joint`);
	const card = column(secretary, 'joint').locator('[data-candidate-id]').last();
	const id = (await card.getAttribute('data-candidate-id'))!;
	await expect(column(screen, 'joint').locator(`[data-candidate-id="${id}"]`)).toHaveCount(0);

	await menuButton(card).click();
	await secretary.getByRole('menuitem', { name: '拟表彰' }).click();
	const dialog = secretary.getByRole('dialog');
	await expect(dialog).toContainText('T-VOTE-NOT-PASSED');
	await dialog.getByLabel(/放行理由/).fill('经联席会议研究同意列入');
	await dialog.getByRole('button', { name: '填写理由并放行' }).click();

	// On the screen: out of 联合评审's count, into 拟表彰 (a column it holds whole), the meter up.
	await expect(column(screen, 'joint').getByTestId('column-count')).toHaveText(String(joint - 1));
	await expect(column(screen, 'proposed').getByTestId('column-count')).toHaveText(
		String(proposed + 1)
	);
	await expect(cardIn(screen, 'proposed', id)).toBeVisible();
	await expect(meter(screen)).toHaveText(`${listed! + 1} / ${quota}`);
	// The secretary's filtered board counts it out of its column too.
	await expect(cardIn(secretary, 'joint', id)).toHaveCount(0);
	await expect(meter(secretary)).toHaveText(`${listed! + 1} / ${quota}`);
});

test('a long column loads its next cards from the server as it is scrolled, or on 显示更多', async ({
	browser
}) => {
	const page = await boardAs(browser, 'panelist1');
	const submitted = column(page, 'submitted');
	const drawn = submitted.locator('[data-candidate-id]');
	await expect(drawn).toHaveCount(COLUMN_PAGE);
	const total = Number(await submitted.getByTestId('column-count').textContent());
	expect(total).toBeGreaterThan(COLUMN_PAGE + MORE_CARDS);

	// Scrolled to its end, the column asks for the next cards.
	await drawn.last().scrollIntoViewIfNeeded();
	await expect(drawn).toHaveCount(COLUMN_PAGE + MORE_CARDS);
	// The keyboard's way: the button says how many are left and loads them.
	const more = submitted.getByRole('button', { name: /显示更多/ });
	await expect(more).toHaveText(`显示更多（还有 ${total - COLUMN_PAGE - MORE_CARDS} 项）`);
	await more.focus();
	await page.keyboard.press('Enter');
	await expect
		.poll(() => drawn.count())
		.toBeGreaterThanOrEqual(Math.min(total, COLUMN_PAGE + 2 * MORE_CARDS));
	// Every card drawn once, whatever loaded it.
	const ids = await drawn.evaluateAll((cards) =>
		cards.map((c) => c.getAttribute('data-candidate-id'))
	);
	expect(new Set(ids).size).toBe(ids.length);
});

test('a column whose next cards cannot be loaded says so, and 显示更多 tries again', async ({
	browser
}) => {
	const page = await boardAs(browser, 'panelist1');
	const submitted = column(page, 'submitted');
	const drawn = submitted.locator('[data-candidate-id]');
	await expect(drawn).toHaveCount(COLUMN_PAGE);
	// The server is away for a moment: the page endpoint answers 503.
	await page.route('**/board/cards?**', (route) => route.fulfill({ status: 503, body: '' }));
	const more = submitted.getByRole('button', { name: /显示更多/ });
	await more.click();
	await expect(submitted.getByRole('status')).toContainText('未能载入更多卡片');
	await expect(drawn).toHaveCount(COLUMN_PAGE);
	await page.unroute('**/board/cards?**');
	await more.click();
	await expect(drawn).toHaveCount(COLUMN_PAGE + MORE_CARDS);
	await expect(submitted.getByRole('status')).toHaveCount(0);
});
