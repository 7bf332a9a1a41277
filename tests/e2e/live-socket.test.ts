import { expect, test, type BrowserContext } from '@playwright/test';
import WebSocket from 'ws';
import { campaignIdOf, signIn } from './helpers';

/** Opens a raw WebSocket and reports how the handshake ended. */
function handshake(url: string, headers: Record<string, string>) {
	return new Promise<{ status: number; firstMessage?: unknown }>((resolve) => {
		const socket = new WebSocket(url, { headers });
		socket.on('unexpected-response', (_request, response) => {
			resolve({ status: response.statusCode ?? 0 });
			socket.terminate();
		});
		socket.on('message', (data) => {
			resolve({ status: 101, firstMessage: JSON.parse(String(data)) });
			socket.close();
		});
		socket.on('error', () => resolve({ status: -1 }));
	});
}

async function sessionCookie(context: BrowserContext): Promise<string> {
	const cookie = (await context.cookies()).find((c) => c.name === 'shortlist_session');
	if (!cookie) throw new Error('not signed in');
	return `${cookie.name}=${cookie.value}`;
}

test('the live socket accepts a signed-in panel member and refuses everyone else', async ({
	page,
	context,
	baseURL
}) => {
	await signIn(page, 'panelist4');
	const campaignId = campaignIdOf(page);
	const origin = new URL(baseURL!).origin;
	const url = `${origin.replace('http', 'ws')}/live/${campaignId}`;
	const cookie = await sessionCookie(context);

	const accepted = await handshake(url, { Origin: origin, Cookie: cookie });
	expect(accepted.status).toBe(101);
	expect(accepted.firstMessage).toMatchObject({ type: 'hello', campaignId });

	expect((await handshake(url, { Origin: origin })).status).toBe(401);
	expect(
		(await handshake(url, { Origin: origin, Cookie: 'shortlist_session=forged' })).status
	).toBe(401);
	expect((await handshake(url, { Origin: 'https://evil.example', Cookie: cookie })).status).toBe(
		403
	);
	expect((await handshake(url, { Cookie: cookie })).status).toBe(403);
	expect(
		(
			await handshake(`${origin.replace('http', 'ws')}/live/99999`, {
				Origin: origin,
				Cookie: cookie
			})
		).status
	).toBe(403);
});

test('a unit user may not open the board socket', async ({ page, context, baseURL }) => {
	await signIn(page, 'unit-yuzhong');
	const campaignId = campaignIdOf(page);
	const origin = new URL(baseURL!).origin;
	const result = await handshake(`${origin.replace('http', 'ws')}/live/${campaignId}`, {
		Origin: origin,
		Cookie: await sessionCookie(context)
	});
	expect(result.status).toBe(403);
});

test('signing out in another tab ends the live board: it goes to the sign-in page', async ({
	context
}) => {
	const board = await context.newPage();
	await signIn(board, 'panelist6');
	await expect(board.getByTestId('connection')).toHaveAttribute('data-status', 'open');
	const boardPath = new URL(board.url()).pathname;

	const other = await context.newPage();
	await other.goto('/logout');
	await other.getByRole('button', { name: '退出登录' }).click();
	await expect(other).toHaveURL(/\/login/);

	// The server closes the board's socket (4401); the page does not keep retrying.
	await expect(board).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(boardPath)}`));
});
