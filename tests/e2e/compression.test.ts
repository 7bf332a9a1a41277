import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { campaignIdOf, signIn } from './helpers';

test('pages and their data are compressed; live socket frames are not', async ({
	page,
	context,
	baseURL
}) => {
	await signIn(page, 'secretary');
	const campaignId = campaignIdOf(page);
	for (const [path, accept, encoding] of [
		['/login', 'br, gzip', 'br'],
		[`/c/${campaignId}/board`, 'gzip', 'gzip'],
		[`/c/${campaignId}/board/__data.json`, 'gzip, deflate, br', 'br']
	] as const) {
		const response = await page.request.get(path, { headers: { 'accept-encoding': accept } });
		expect(response.status(), path).toBe(200);
		expect(response.headers()['content-encoding'], path).toBe(encoding);
	}

	// The ws client offers permessage-deflate; the server declines it (frames are small).
	const origin = new URL(baseURL!).origin;
	const cookie = (await context.cookies()).find((c) => c.name === 'shortlist_session')!;
	const socket = new WebSocket(`${origin.replace('http', 'ws')}/live/${campaignId}`, {
		headers: { Origin: origin, Cookie: `${cookie.name}=${cookie.value}` },
		perMessageDeflate: true
	});
	await new Promise((resolve, reject) => {
		socket.once('message', resolve);
		socket.once('error', reject);
	});
	expect(socket.extensions).toBe('');
	socket.close();
});
