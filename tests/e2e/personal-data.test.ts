import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import WebSocket from 'ws';
import { campaignIdOf, signIn } from './helpers';

/**
 * SPEC §7 as an attacker would test it: every response a panelist, the shared screen or a unit
 * account can get — pages, their `__data.json`, the JSON endpoints and the live socket's events —
 * is searched for the ID numbers, phones, addresses and postcodes the secretary can read, and for
 * anything shaped like an ID number or a mobile number. The shared screen must not get birth
 * months either.
 */

const ID_SHAPE = /(?<!\d)\d{17}[\dXx](?!\d)/;
const MOBILE_SHAPE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const HIDDEN = '（已隐藏）';

interface Secrets {
	/** Personal values per candidate id. */
	personal: Map<number, string[]>;
	/** Birth months per candidate id. */
	births: Map<number, string>;
	/** Unit of each candidate. */
	unitOf: Map<number, number>;
}

type Form = Record<string, Record<string, unknown> | undefined>;

/** Runs `work` over `items`, a few at a time (the server has two cores). */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, size = 8) {
	for (let start = 0; start < items.length; start += size)
		await Promise.all(items.slice(start, start + size).map(work));
}

async function signedIn(browser: Browser, username: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username);
	return { context, page, request: context.request };
}

/** Everything the secretary may read that the others may not, read through the secretary's view. */
async function harvest(request: APIRequestContext, campaignId: number): Promise<Secrets> {
	const secrets: Secrets = { personal: new Map(), births: new Map(), unitOf: new Map() };
	// Candidate ids are dense from 1 in the demo; read until a whole batch misses.
	for (let first = 1, found = true; found; first += 40) {
		found = false;
		const batch = Array.from({ length: 40 }, (_, index) => first + index);
		await inBatches(batch, async (id) => {
			const response = await request.get(`/c/${campaignId}/candidates/${id}/view`);
			if (response.status() === 404) return;
			found = true;
			const view = (await response.json()) as { candidate: { unitId: number }; form: Form };
			secrets.unitOf.set(id, view.candidate.unitId);
			const person = view.form.person;
			const collective = view.form.collective;
			const values = [person?.idNumber, person?.phone, collective?.address, collective?.postcode];
			secrets.personal.set(
				id,
				values.filter(
					(value): value is string => typeof value === 'string' && value.trim().length >= 6
				)
			);
			if (typeof person?.birth === 'string' && person.birth) secrets.births.set(id, person.birth);
		});
	}
	return secrets;
}

/** Fails with the URL and the offending text when a body holds personal data. */
function expectClean(url: string, body: string, forbidden: Iterable<string>) {
	expect(ID_SHAPE.exec(body)?.[0], `${url}: an ID-number-shaped value`).toBeUndefined();
	expect(MOBILE_SHAPE.exec(body)?.[0], `${url}: a mobile-number-shaped value`).toBeUndefined();
	for (const value of forbidden)
		expect(body.includes(value), `${url}: holds “${value}”`).toBe(false);
}

test('no personal data reaches the panel, the shared screen or another unit', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const secretary = await signedIn(browser, 'secretary');
	const campaignId = campaignIdOf(secretary.page);
	const secrets = await harvest(secretary.request, campaignId);
	const allPersonal = [...secrets.personal.values()].flat();
	// The demo has individuals and collectives with personal data to look for.
	expect(allPersonal.filter((value) => ID_SHAPE.test(value)).length).toBeGreaterThan(100);
	expect(secrets.births.size).toBeGreaterThan(100);

	const ids = [...secrets.unitOf.keys()];
	const sample = ids.filter((_, index) => index % 37 === 0);
	const origin = new URL(baseURL!).origin;

	for (const username of ['panelist4', 'screen', 'unit-yuzhong']) {
		const viewer = await signedIn(browser, username);
		const isScreen = username === 'screen';
		const isUnit = username.startsWith('unit-');
		// A unit may read its own nominations' personal data (SPEC §7), nobody else's: its own are
		// the candidates whose view it gets; they must all be of one unit, and all of that unit.
		const own = new Set<number>();
		if (isUnit) {
			await inBatches(ids, async (id) => {
				const status = (
					await viewer.request.get(`/c/${campaignId}/candidates/${id}/view`)
				).status();
				if (status === 200) own.add(id);
				else expect(status).toBe(404);
			});
			const units = new Set([...own].map((id) => secrets.unitOf.get(id)));
			expect(units.size).toBe(1);
			const [ownUnit] = units;
			expect(own.size).toBe(ids.filter((id) => secrets.unitOf.get(id) === ownUnit).length);
		}
		const forbiddenFor = (id: number) => (own.has(id) ? [] : (secrets.personal.get(id) ?? []));
		const othersPersonal = ids.flatMap(forbiddenFor);

		// The board (unit accounts are refused it) and its data.
		for (const path of [`/c/${campaignId}/board`, `/c/${campaignId}/board/__data.json`]) {
			const response = await viewer.request.get(path);
			if (isUnit) {
				// A page answers with its error status; its data file answers 200 with the error inside.
				const refused = response.status() >= 400 || /"type":"error"/.test(await response.text());
				expect(refused, path).toBe(true);
				continue;
			}
			expect(response.status(), path).toBe(200);
			expectClean(`${username} ${path}`, await response.text(), othersPersonal);
		}

		// Every candidate's JSON view; a sample of pages and their data.
		await inBatches(isUnit ? [] : ids, async (id) => {
			const path = `/c/${campaignId}/candidates/${id}/view`;
			const response = await viewer.request.get(path);
			expect(response.status(), path).toBe(200);
			const body = await response.text();
			expectClean(`${username} ${path}`, body, forbiddenFor(id));
			expect(body, `${path}: no identity key`).not.toContain('naturalKey');
			const birth = secrets.births.get(id);
			if (birth) {
				const form = (JSON.parse(body) as { form: Form }).form;
				expect(form.person?.birth, `${username} birth of ${id}`).toBe(isScreen ? HIDDEN : birth);
			}
		});
		for (const id of sample) {
			if (isUnit && !own.has(id)) continue;
			for (const path of [
				`/c/${campaignId}/candidates/${id}`,
				`/c/${campaignId}/candidates/${id}/__data.json`
			]) {
				const response = await viewer.request.get(path);
				expect(response.status(), path).toBe(200);
				if (!own.has(id))
					expectClean(`${username} ${path}`, await response.text(), forbiddenFor(id));
			}
		}

		// The live socket's events while the secretary moves a card.
		if (!isUnit) {
			const cookie = (await viewer.context.cookies()).find((c) => c.name === 'shortlist_session')!;
			const frames: string[] = [];
			const socket = new WebSocket(`${origin.replace('http', 'ws')}/live/${campaignId}`, {
				headers: { Origin: origin, Cookie: `${cookie.name}=${cookie.value}` }
			});
			socket.on('message', (data) => frames.push(String(data)));
			await new Promise((resolve) => socket.once('message', resolve));
			// A consultation recorded by the secretary on an individual publishes a board event.
			const target = ids.find((id) =>
				(secrets.personal.get(id) ?? []).some((v) => ID_SHAPE.test(v))
			)!;
			const moved = await secretary.request.post(`/c/${campaignId}/candidates/${target}?/consult`, {
				headers: { Origin: origin },
				form: { dept: '公安', result: '无异议', date: '2022-10-24', note: '' }
			});
			expect(moved.status()).toBe(200);
			await expect.poll(() => frames.length, { timeout: 10_000 }).toBeGreaterThan(1);
			socket.close();
			expectClean(`${username} /live events`, frames.join('\n'), othersPersonal);
		}
		await viewer.context.close();
	}
	await secretary.context.close();
});
