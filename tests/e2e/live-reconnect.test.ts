import { expect, test, type WebSocketRoute } from '@playwright/test';
import { signIn } from './helpers';

test('a lost live link is shown, comes back by itself, and the board catches up on what it missed', async ({
	page,
	browser
}) => {
	// The panelist's live socket goes through a route the test controls: it can drop what the
	// server sends (a network that swallows messages) and cut the connection.
	let dropping = false;
	const routes: WebSocketRoute[] = [];
	await page.routeWebSocket(/\/live\/\d+$/, (ws) => {
		routes.push(ws);
		const server = ws.connectToServer();
		server.onMessage((message) => {
			if (!dropping) ws.send(message);
		});
	});
	await signIn(page, 'panelist2');
	const status = page.getByTestId('connection');
	await expect(status).toHaveAttribute('data-status', 'open');
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { statuses: string[] }).statuses = seen;
		const badge = document.querySelector('[data-testid=connection]')!;
		new MutationObserver(() => seen.push(badge.getAttribute('data-status') ?? '')).observe(badge, {
			attributes: true
		});
	});

	const secretaryContext = await browser.newContext();
	const secretary = await secretaryContext.newPage();
	await signIn(secretary, 'secretary');
	const card = secretary
		.locator('[data-column="submitted"] [data-candidate-id]', {
			hasNot: secretary.getByText(/^错 \d+$/)
		})
		.first();
	const id = (await card.getAttribute('data-candidate-id'))!;

	dropping = true;
	await card.dragTo(secretary.locator('[data-column="preliminary"]'));
	await expect(
		secretary.locator(`[data-column="preliminary"] [data-candidate-id="${id}"]`)
	).toBeVisible();
	// The panelist missed the event: its card still stands where it was.
	await expect(page.locator(`[data-column="submitted"] [data-candidate-id="${id}"]`)).toBeVisible();

	dropping = false;
	await routes[0]!.close({ code: 4001, reason: 'network down' });
	await expect(status).toHaveText('已重新连接，数据已同步');
	expect(routes.length).toBeGreaterThan(1);
	expect(
		await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)
	).toContain('lost');
	// Its hello carried a newer sequence number than the board had: the board reloaded.
	await expect(
		page.locator(`[data-column="preliminary"] [data-candidate-id="${id}"]`)
	).toBeVisible();
	await secretaryContext.close();
});
