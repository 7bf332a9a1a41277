import { expect, type Page } from '@playwright/test';

/** The published demo password (README). */
export const DEMO_PASSWORD = 'shortlist-demo';

/** Signs in through the real form and waits for the landing page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** The campaign id in the current URL (`/c/<id>/…`). */
export function campaignIdOf(page: Page): number {
	const match = /\/c\/(\d+)\//.exec(new URL(page.url()).pathname);
	if (!match) throw new Error(`no campaign in ${page.url()}`);
	return Number(match[1]);
}
