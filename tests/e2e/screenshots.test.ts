/**
 * Screenshots for a human to look at (not assertions of looks): the secretary's board with the
 * 移至… menu open low in a column, and the side panel with its history, at 1920×1080 and
 * 1366×768. Runs only when SHOTS_DIR names a folder to write them to.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

const shots = process.env.SHOTS_DIR;
test.skip(!shots, 'set SHOTS_DIR to take the screenshots');
test.setTimeout(180_000);

const sizes = [
	{ width: 1920, height: 1080 },
	{ width: 1366, height: 768 }
];

for (const viewport of sizes) {
	test(`the secretary's board and side panel at ${viewport.width}×${viewport.height}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('用户名').fill('secretary');
		await page.getByLabel('密码').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: '登录' }).click();
		await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'open', {
			timeout: 30_000
		});
		const name = (what: string) =>
			path.join(shots!, `${what}-${viewport.width}x${viewport.height}.png`);

		// A card low in 初审, its menu open.
		const cards = page.locator('[data-column="preliminary"] [data-candidate-id]');
		const low = cards.nth(12);
		await low.evaluate((element) => element.scrollIntoView({ block: 'end' }));
		await low.getByRole('button', { name: /^移动「.+」至…$/ }).click();
		await expect(page.getByRole('menu')).toBeVisible();
		await page.screenshot({ path: name('board-menu') });
		await page.keyboard.press('Escape');

		// A suggestion proposed without a vote (an override: the gate named in the dialog and
		// the history), then taken to 党组审定 (a date in its history), its panel open.
		const joint = page
			.locator('[data-column="joint"] [data-candidate-id]', { hasText: '优秀建议' })
			.first();
		const id = (await joint.getAttribute('data-candidate-id'))!;
		await joint.getByRole('button', { name: /^移动「.+」至…$/ }).click();
		await page.getByRole('menuitem', { name: '拟表彰' }).click();
		await page
			.getByRole('dialog')
			.getByLabel(/放行理由/)
			.fill('经联席会议研究同意列入');
		await page.screenshot({ path: name('override-dialog') });
		await page.getByRole('dialog').getByRole('button', { name: '填写理由并放行' }).click();
		const proposed = page.locator(`[data-column="proposed"] [data-candidate-id="${id}"]`);
		await proposed.getByRole('button', { name: /^移动「.+」至…$/ }).click();
		await page.getByRole('menuitem', { name: '党组审定' }).click();
		await page.getByRole('dialog').getByLabel('党组会议日期').fill('2022-11-25');
		await page.getByRole('dialog').getByRole('button', { name: '确认移动' }).click();
		const approved = page.locator(`[data-column="approved"] [data-candidate-id="${id}"]`);
		await approved.getByRole('button').first().click();
		await expect(page.getByTestId('history')).toContainText('党组会议 2022-11-25');
		await page.screenshot({ path: name('side-panel') });
		await page.keyboard.press('Escape');

		// A card with findings: each by its Chinese title, the code small beside it.
		await page
			.locator('[data-column="submitted"] [data-candidate-id]', { hasText: /错 \d+/ })
			.first()
			.getByRole('button')
			.first()
			.click();
		await expect(page.locator('[data-finding-code]').first()).toBeVisible();
		await page.screenshot({ path: name('side-panel-findings') });
		await context.close();
	});
}
