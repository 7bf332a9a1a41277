/**
 * A recommending unit never reads another unit's name or refs in its findings (issue 7 finding
 * 9b): two units nominate the same person, collective and suggestion in one real import; each
 * unit's candidate page and unit page name nothing of the other, while the secretary still reads
 * which nomination duplicates which.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Nomination } from '../../src/lib/domain/interchange';
import { duplicateMessageForUnit } from '../../src/lib/domain/rules/duplicates';
import type { Role } from '../../src/lib/roles';
import { candidate, unit } from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { createCampaign } from '../../src/lib/server/seed';
import { createUser, setMembership } from '../../src/lib/server/users';
import { load as candidateLoad } from '../../src/routes/(app)/c/[campaignId]/candidates/[candidateId]/+page.server';
import { load as unitLoad } from '../../src/routes/(app)/c/[campaignId]/unit/+page.server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { sample } from '../helpers/documents';
import { callRoute, forgetRuntime, localsOf, useDatabaseAsRuntime } from '../helpers/route-event';

const BEIBEI = '北碚区人大代表联系组';
const YUZHONG = '渝中区人大代表联系组';
/** The sample's refs and the refs the second unit gives its copies of the same nominees. */
const copies = [
	['EX-1', 'YZ-PERSON-71', 'person.idNumber'],
	['EX-3', 'YZ-COLLECTIVE-73', 'collective.name'],
	['EX-4', 'YZ-SUGGESTION-74', 'suggestion.number']
] as const;

let database: TestDatabase;
let campaignId: number;
const users = {} as Record<'secretary' | 'beibei' | 'yuzhong', number>;

beforeAll(async () => {
	database = await freshDatabase();
	useDatabaseAsRuntime(database);
	campaignId = await createCampaign(database.db, '重复推荐', 'chongqing-2022');
	const document = sample();
	const second: Nomination[] = copies.map(([original, ref]) => {
		const nomination = document.nominations.find((n) => n.ref === original);
		if (!nomination) throw new Error(`sample has no ${original}`);
		const copy: Nomination = structuredClone(nomination);
		copy.ref = ref;
		copy.unit = { name: YUZHONG, kind: 'liaison_group' };
		// The second unit's own file names itself, not the first unit, as the liaison group.
		if (copy.track === 'suggestion') copy.suggestion.liaisonGroup = YUZHONG;
		return copy;
	});
	document.nominations.push(...second);
	await importNominations(database.db, campaignId, document, { id: null, name: 'test' });
	const member = async (username: string, role: Role, unitName?: string) => {
		const { id } = await createUser(database.db, {
			username,
			displayName: username,
			password: 'a long enough password'
		});
		const [own] = unitName
			? await database.db
					.select({ id: unit.id })
					.from(unit)
					.where(and(eq(unit.campaignId, campaignId), eq(unit.name, unitName)))
			: [];
		await setMembership(
			database.db,
			{ userId: id, campaignId, role, unitId: own?.id ?? null },
			null
		);
		return id;
	};
	users.secretary = await member('secretary', 'secretary');
	users.beibei = await member('unit-beibei', 'unit', BEIBEI);
	users.yuzhong = await member('unit-yuzhong', 'unit', YUZHONG);
});
afterAll(async () => {
	forgetRuntime();
	await database.destroy();
});

async function candidateId(ref: string): Promise<number> {
	const [row] = await database.db
		.select({ id: candidate.id })
		.from(candidate)
		.where(and(eq(candidate.campaignId, campaignId), eq(candidate.ref, ref)));
	if (!row) throw new Error(`no candidate ${ref}`);
	return row.id;
}

async function candidatePage(userId: number, ref: string) {
	return callRoute(candidateLoad, {
		locals: await localsOf(database, userId),
		params: { campaignId: String(campaignId), candidateId: String(await candidateId(ref)) }
	});
}

describe('DUPLICATE-NOMINEE as each unit reads it', () => {
	// Each unit, one of its nominations, and what of the other unit must never reach it.
	const cases = copies.flatMap(([original, copy, field]) => [
		['beibei', original, field, [YUZHONG, copy]],
		['yuzhong', copy, field, [BEIBEI, original]]
	]) as [keyof typeof users, string, string, string[]][];

	test.each(cases)('%s opening %s', async (who, ref, field, otherUnit) => {
		const page = await candidatePage(users[who], ref);
		const duplicate = page.findings.filter((found) => found.code === 'DUPLICATE-NOMINEE');
		expect(duplicate).toHaveLength(1);
		expect(duplicate[0]).toMatchObject({ field, message: duplicateMessageForUnit(field) });
		const messages = page.findings.map((found) => found.message).join('\n');
		for (const secret of otherUnit) expect(messages).not.toContain(secret);
		// Nothing else of the page names the other unit either.
		expect(JSON.stringify(page)).not.toContain(otherUnit[0]);
	});

	test.each(['beibei', 'yuzhong'] as const)('the unit page of %s', async (who) => {
		const page = await callRoute(unitLoad, {
			locals: await localsOf(database, users[who]),
			params: { campaignId: String(campaignId) }
		});
		const text = JSON.stringify(page);
		const others = who === 'beibei' ? [YUZHONG, ...copies.map(([, copy]) => copy)] : [BEIBEI];
		for (const secret of others) expect(text).not.toContain(secret);
	});
});

describe('DUPLICATE-NOMINEE as the secretary reads it', () => {
	test.each(copies)('%s names %s and its unit', async (original, copy) => {
		const page = await candidatePage(users.secretary, original);
		const duplicate = page.findings.find((found) => found.code === 'DUPLICATE-NOMINEE');
		expect(duplicate?.message).toContain(`${copy}（${YUZHONG}）`);
	});
});

describe('duplicateMessageForUnit', () => {
	test.each([
		['person.idNumber', '证件号码相同'],
		['person.name', '姓名和出生年月相同'],
		['collective.name', '集体名称相同'],
		['suggestion.number', '建议编号相同'],
		['something.else', '推荐对象相同']
	])('%s → %s', (field, label) => {
		expect(duplicateMessageForUnit(field)).toContain(label);
		expect(duplicateMessageForUnit(field)).toContain('通知一(三)');
	});
});
