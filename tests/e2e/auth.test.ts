import { expect, test } from '@playwright/test';
import { campaignIdOf, DEMO_PASSWORD, signIn } from './helpers';

test.describe('signing in by role', () => {
	for (const [username, landing] of [
		['secretary', /\/c\/\d+\/board$/],
		['panelist1', /\/c\/\d+\/board$/],
		['screen', /\/c\/\d+\/board$/],
		['unit-yuzhong', /\/c\/\d+\/unit$/]
	] as const) {
		test(`${username} lands on its page`, async ({ page }) => {
			await signIn(page, username);
			await expect(page).toHaveURL(landing);
			await expect(page.getByTestId('demo-ribbon')).toContainText('演示数据');
		});
	}

	test('the secretary sees the whole demo campaign, each card with its id', async ({ page }) => {
		await signIn(page, 'secretary');
		const counts = await page.getByTestId('column-count').allTextContents();
		const offRamps = await page.getByRole('button', { name: /展开 未入选/ }).textContent();
		const folded = [...(offRamps ?? '').matchAll(/\d+/g)].slice(0, 2).map(Number);
		const total = [...counts.map(Number), ...folded].reduce((sum, n) => sum + n, 0);
		expect(total).toBeGreaterThan(500);
		await expect(page.getByText(`显示 ${total} / ${total}`)).toBeVisible();
		const cards = page.locator('[data-candidate-id]');
		const shown = await cards.count();
		expect(shown).toBeGreaterThan(100);
		// Long columns render in pages; asking for more adds cards.
		await page
			.getByRole('button', { name: /显示更多/ })
			.first()
			.click();
		await expect.poll(() => cards.count()).toBeGreaterThan(shown);
	});

	test('a unit user sees only its own nominations', async ({ page }) => {
		await signIn(page, 'unit-yuzhong');
		const units = await page.locator('[data-candidate-id] td:nth-child(3)').allTextContents();
		expect(units.length).toBeGreaterThan(5);
		expect(new Set(units.map((u) => u.trim()))).toEqual(new Set(['渝中区人大代表联系组']));
	});
});

test('a wrong password is refused with a clear message', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('用户名').fill('panelist2');
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
	await expect(page).toHaveURL(/\/login/);
});

test('repeated failures lock the username and say when to retry', async ({ page }) => {
	for (let attempt = 0; attempt < 5; attempt++) {
		await page.goto('/login');
		await page.getByLabel('用户名').fill('panelist7');
		await page.getByLabel('密码').fill(`wrong-${attempt}`);
		await page.getByRole('button', { name: '登录' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
	}
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toContainText('登录失败次数过多');
	await expect(page).toHaveURL(/\/login/);
});

test('a unit user cannot open another unit’s candidate by URL', async ({ page, browser }) => {
	const secretary = await browser.newPage();
	await signIn(secretary, 'secretary');
	const foreignId = await secretary
		.locator('[data-candidate-id]', { hasNotText: '渝中区人大代表联系组' })
		.first()
		.getAttribute('data-candidate-id');
	const campaignId = campaignIdOf(secretary);
	await secretary.close();

	await signIn(page, 'unit-yuzhong');
	const ownId = await page.locator('[data-candidate-id]').first().getAttribute('data-candidate-id');
	const own = await page.goto(`/c/${campaignId}/candidates/${ownId}`);
	expect(own?.status()).toBe(200);
	const foreign = await page.goto(`/c/${campaignId}/candidates/${foreignId}`);
	expect(foreign?.status()).toBe(404);
	// The side panel's JSON view is guarded the same way.
	expect((await page.request.get(`/c/${campaignId}/candidates/${foreignId}/view`)).status()).toBe(
		404
	);
	expect((await page.request.get(`/c/${campaignId}/candidates/${ownId}/view`)).status()).toBe(200);
	const board = await page.goto(`/c/${campaignId}/board`);
	expect(board?.status()).toBe(403);
});

test('personal data is masked for the shared screen and shown to the secretary', async ({
	page
}) => {
	await signIn(page, 'secretary');
	const campaignId = campaignIdOf(page);
	const individual = page.locator('[data-candidate-id]', { hasText: '先进个人' }).first();
	const id = await individual.getAttribute('data-candidate-id');
	// The approval form's section (a finding may name the field 证件号码 too).
	const form = page.locator('section[aria-label="推荐审批表"]');
	await page.goto(`/c/${campaignId}/candidates/${id}`);
	await expect(form.getByText(/^\d{17}[\dX]$/)).toBeVisible();

	await page.goto('/logout');
	await page.getByRole('button', { name: '退出登录' }).click();
	await signIn(page, 'screen');
	await page.goto(`/c/${campaignId}/candidates/${id}`);
	await expect(form.getByText('证件号码', { exact: true })).toBeVisible();
	await expect(page.getByText(/^\d{17}[\dX]$/)).toHaveCount(0);
	await expect(form.getByText('（已隐藏）').first()).toBeVisible();
});

test('an observer’s forged secretary action is refused by the server', async ({ page }) => {
	await signIn(page, 'screen');
	const campaignId = campaignIdOf(page);
	const response = await page.request.post(`/c/${campaignId}/members?/setRole`, {
		form: { userId: '1', role: 'secretary', unitId: '' },
		headers: { Origin: new URL(page.url()).origin, Accept: 'application/json' }
	});
	expect(response.status()).toBe(403);
});

test('signing out ends the session on the server', async ({ page, context }) => {
	await signIn(page, 'panelist3');
	const cookie = (await context.cookies()).find((c) => c.name === 'shortlist_session');
	expect(cookie?.httpOnly).toBe(true);
	await page.goto('/logout');
	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page.getByRole('status')).toHaveText('您已安全退出。');

	// Replaying the old token does not get back in.
	await context.addCookies([{ ...cookie!, expires: -1 }]);
	const response = await page.goto('/');
	expect(new URL(response!.url()).pathname).toBe('/login');
});

test('what is typed before the page’s script arrives is kept (slow networks)', async ({ page }) => {
	let release: () => void = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('用户名').fill('panelist3');
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('用户名')).toHaveValue('panelist3');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/c\/\d+\/board$/);
});

test('pages carry a content security policy that allows no foreign script or framing', async ({
	page
}) => {
	const response = await page.goto('/login');
	const policy = response?.headers()['content-security-policy'] ?? '';
	expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(policy).toContain("frame-ancestors 'none'");
	expect(response?.headers()['x-content-type-options']).toBe('nosniff');
});

test('a secretary cannot make anyone a system administrator', async ({ page }) => {
	await signIn(page, 'secretary');
	const campaignId = campaignIdOf(page);
	await page.goto(`/c/${campaignId}/members`);
	const role = page.getByRole('row', { name: /panelist6/ }).getByLabel('panelist6 的角色');
	// The page offers only what the server would grant: no 系统管理员 for a secretary.
	await expect(role.locator('option')).not.toHaveCount(0);
	await expect(role.locator('option[value="admin"]')).toHaveCount(0);
	// A forged request is refused by the server all the same.
	const response = await page.request.post(`/c/${campaignId}/members?/setRole`, {
		form: {
			userId: await role.locator('xpath=..').locator('input[name="userId"]').inputValue(),
			role: 'admin',
			unitId: ''
		},
		headers: { Origin: new URL(page.url()).origin, Accept: 'application/json' }
	});
	expect(await response.text()).toContain('只有系统管理员可以授予或更改系统管理员角色。');
	await page.reload();
	await expect(role).toHaveValue('panelist');
});

test('a forbidden page explains itself in Chinese', async ({ page }) => {
	await signIn(page, 'unit-yuzhong');
	const response = await page.goto(`/c/${campaignIdOf(page)}/board`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveText('您的角色无权进行此操作。');
});
