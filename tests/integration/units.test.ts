/**
 * The unit register and the secretary's units overview (issue 12): the preset register, an
 * import attaching to registered units and naming the ones not on it, per-unit counts against
 * limits, findings, lateness, the reminder two working days before the deadline, 附件6
 * contacts (secretaries only), sorting and the .xlsx export — on a real database.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/lib/roles';
import { candidate, unit, unitRegister } from '../../src/lib/server/db/schema';
import { importNominations } from '../../src/lib/server/import/nominations';
import { createCampaign } from '../../src/lib/server/seed';
import { presetRegister } from '../../src/lib/server/units/preset';
import {
	sortOverview,
	unitsOverview,
	workingDaysBefore
} from '../../src/lib/server/units/overview';
import {
	registerPresetUnits,
	registerUnit,
	saveContacts,
	unitsNotOnRegister
} from '../../src/lib/server/units/register';
import { createUser, setMembership } from '../../src/lib/server/users';
import { actions, load } from '../../src/routes/(app)/c/[campaignId]/units/+page.server';
import { GET as exportXlsx } from '../../src/routes/(app)/c/[campaignId]/units/export.xlsx/+server';
import { load as unitLoad } from '../../src/routes/(app)/c/[campaignId]/unit/+page.server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { demo, sample } from '../helpers/documents';
import {
	callRoute,
	forgetRuntime,
	formPost,
	localsOf,
	useDatabaseAsRuntime
} from '../helpers/route-event';

const BEIBEI = '北碚区人大代表联系组';
const OUTSIDER = '市级某局';

let database: TestDatabase;
let campaignId: number;
const users = {} as Record<'secretary' | 'panelist' | 'beibei', number>;

beforeAll(async () => {
	database = await freshDatabase();
	useDatabaseAsRuntime(database);
	campaignId = await createCampaign(database.db, '名册', 'chongqing-2022');
	const member = async (username: string, role: Role, unitId: number | null = null) => {
		const { id } = await createUser(database.db, {
			username,
			displayName: username,
			password: 'a long enough password'
		});
		await setMembership(database.db, { userId: id, campaignId, role, unitId }, null);
		return id;
	};
	users.secretary = await member('secretary', 'secretary');
	users.panelist = await member('panelist', 'panelist');
});
afterAll(async () => {
	forgetRuntime();
	await database.destroy();
});

const unitId = async (name: string) => {
	const [row] = await database.db
		.select({ id: unit.id })
		.from(unit)
		.where(and(eq(unit.campaignId, campaignId), eq(unit.name, name)));
	return row?.id;
};

describe('the register', () => {
	test('the preset registers 38 liaison groups, 10 专业组 and the 工作部门, once', async () => {
		const preset = presetRegister();
		expect(preset.filter((e) => e.kind === 'liaison_group')).toHaveLength(38);
		expect(preset.filter((e) => e.kind === 'professional_group')).toHaveLength(10);
		expect(preset.filter((e) => e.kind === 'work_department').length).toBeGreaterThan(0);
		expect(await registerPresetUnits(database.db, campaignId)).toBe(preset.length);
		expect(await registerPresetUnits(database.db, campaignId)).toBe(0);
		const [beibei] = await database.db
			.select({ reportingBody: unitRegister.reportingBody })
			.from(unitRegister)
			.innerJoin(unit, eq(unit.id, unitRegister.unitId))
			.where(eq(unit.name, BEIBEI));
		// 附件填表说明三: a 联系组's forms print its 区县人大常委会 as 推荐单位.
		expect(beibei?.reportingBody).toBe('北碚区人大常委会');
	});

	test('an import attaches to the registered unit; a unit not on the register is named', async () => {
		const before = await unitId(BEIBEI);
		const document = sample();
		const extra = structuredClone(document.nominations.find((n) => n.track === 'collective')!);
		extra.ref = 'OUT-1';
		extra.unit = { name: OUTSIDER, kind: 'municipal_department' };
		if (extra.track === 'collective') extra.collective.name = '市级某局代表联络处';
		document.nominations.push(extra);
		const summary = await importNominations(database.db, campaignId, document, {
			id: null,
			name: 'test'
		});
		expect(summary.unregistered).toEqual([OUTSIDER]);
		expect(await unitId(BEIBEI)).toBe(before);
		const [attached] = await database.db
			.select({ unitId: candidate.unitId })
			.from(candidate)
			.where(and(eq(candidate.campaignId, campaignId), eq(candidate.ref, 'EX-1')));
		expect(attached?.unitId).toBe(before);
		expect(
			await unitsNotOnRegister(
				database.db,
				campaignId,
				document.nominations.map((n) => n.unit.name)
			)
		).toEqual([OUTSIDER]);
	});

	test('a liaison group added by hand gets its 区县人大常委会 as 推荐单位', async () => {
		expect(
			await registerUnit(database.db, campaignId, {
				name: '测试区人大代表联系组',
				kind: 'liaison_group',
				district: '测试区',
				reportingBody: ''
			})
		).toBe(1);
		const overview = await unitsOverview(database.db, campaignId, '2022-10-20');
		expect(overview.rows.find((r) => r.name === '测试区人大代表联系组')?.reportingBody).toBe(
			'测试区人大常委会'
		);
	});
});

describe('the overview', () => {
	test('the reminder day is two working days before the deadline', () => {
		expect(workingDaysBefore('2022-10-28', 2)).toBe('2022-10-26');
		// Over a weekend: Monday 2022-10-24 → Thursday 2022-10-20.
		expect(workingDaysBefore('2022-10-24', 2)).toBe('2022-10-20');
	});

	test.each([
		['2022-10-25', false],
		['2022-10-26', true]
	])('on %s, units that have not submitted stand out: %s', async (today, expected) => {
		const { rows } = await unitsOverview(database.db, campaignId, today);
		const missing = rows.filter((r) => !r.submitted);
		expect(missing.length).toBeGreaterThan(40);
		expect(missing.every((r) => r.standsOut === expected)).toBe(true);
		expect(rows.filter((r) => r.submitted).every((r) => !r.standsOut)).toBe(true);
	});

	test('per unit: submitted, counts against limits, findings by severity, late', async () => {
		const { rows } = await unitsOverview(database.db, campaignId, '2022-10-26');
		const beibei = rows.find((r) => r.name === BEIBEI)!;
		expect(beibei).toMatchObject({
			registered: true,
			submitted: true,
			nominations: 5,
			submittedAt: '2022-10-26',
			late: false,
			findings: { error: 2, warning: 1, info: 1 }
		});
		const station = beibei.limits.find((l) => l.key === 'station');
		expect(station).toMatchObject({ count: 1, range: { min: 3, max: 5 }, state: 'short' });
		const outsider = rows.find((r) => r.name === OUTSIDER)!;
		expect(outsider).toMatchObject({ registered: false, submitted: true, reportingBody: '' });
		// Register order first; units not on the register after.
		expect(rows[0]?.name).toBe('渝中区人大代表联系组');
		expect(rows.at(-1)?.registered).toBe(false);
	});

	test('sorting by errors puts the unit with errors first when descending', async () => {
		const { rows } = await unitsOverview(database.db, campaignId, '2022-10-26');
		expect(sortOverview(rows, 'errors', true)[0]?.name).toBe(BEIBEI);
		const byName = sortOverview(rows, 'name').map((r) => r.name);
		expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'zh-CN')));
	});
});

describe('contacts (附件6) and access', () => {
	test('contacts are saved per role and a blank entry removes it', async () => {
		const id = (await unitId(BEIBEI))!;
		const contact = (role: '分管领导' | '经办人', name: string) => ({
			role,
			name,
			position: '副主任',
			officePhone: '68861234',
			mobile: '13900001234',
			note: ''
		});
		await saveContacts(database.db, id, [contact('分管领导', '张三'), contact('经办人', '李四')]);
		let { rows } = await unitsOverview(database.db, campaignId, '2022-10-20');
		expect(rows.find((r) => r.name === BEIBEI)?.contacts.map((c) => c.name)).toEqual([
			'张三',
			'李四'
		]);
		await saveContacts(database.db, id, [contact('分管领导', '王五')]);
		({ rows } = await unitsOverview(database.db, campaignId, '2022-10-20'));
		expect(rows.find((r) => r.name === BEIBEI)?.contacts.map((c) => c.name)).toEqual(['王五']);
	});

	test('the page is the secretary’s: a panelist is refused', async () => {
		const params = { campaignId: String(campaignId) };
		const page = await callRoute(load, {
			locals: await localsOf(database, users.secretary),
			params,
			url: `http://shortlist.test/c/${campaignId}/units?sort=errors&desc=1`
		});
		expect(page.rows[0]?.name).toBe(BEIBEI);
		expect(page.organisers[0]?.people).toEqual(['郑家明', '尹宏胜']);
		await expect(
			(async () => callRoute(load, { locals: await localsOf(database, users.panelist), params }))()
		).rejects.toMatchObject({ status: 403 });
	});

	test('the contacts action saves what the secretary typed', async () => {
		const id = (await unitId(BEIBEI))!;
		const result = await callRoute(actions.saveContacts, {
			locals: await localsOf(database, users.secretary),
			params: { campaignId: String(campaignId) },
			request: formPost(`http://shortlist.test/c/${campaignId}/units?/saveContacts`, {
				unitId: id,
				name0: '赵六',
				position0: '主任',
				officePhone0: '68860000',
				mobile0: '',
				note0: '',
				name1: '',
				position1: '',
				officePhone1: '',
				mobile1: '',
				note1: ''
			})
		});
		expect(result).toMatchObject({ message: '联系人已保存。' });
		const { rows } = await unitsOverview(database.db, campaignId, '2022-10-20');
		expect(rows.find((r) => r.name === BEIBEI)?.contacts).toEqual([
			{
				role: '分管领导',
				name: '赵六',
				position: '主任',
				officePhone: '68860000',
				mobile: '',
				note: ''
			}
		]);
	});

	test('the .xlsx export has one row per unit, in the page’s order, with contacts', async () => {
		const response = await callRoute(exportXlsx, {
			locals: await localsOf(database, users.secretary),
			params: { campaignId: String(campaignId) },
			url: `http://shortlist.test/c/${campaignId}/units/export.xlsx?sort=errors&desc=1`
		});
		expect(response.headers.get('content-type')).toContain('spreadsheetml');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.getWorksheet('推荐单位')!;
		const { rows } = await unitsOverview(database.db, campaignId, '2022-10-20');
		expect(sheet.rowCount).toBe(2 + rows.length);
		expect(sheet.getRow(3).getCell(2).value).toBe(BEIBEI);
		expect(String(sheet.getRow(3).getCell(14).value)).toContain('赵六');
	});

	test('the unit page shows the organisers’ contacts from the notice', async () => {
		const id = (await unitId(BEIBEI))!;
		const { id: userId } = await createUser(database.db, {
			username: 'unit-beibei',
			displayName: 'unit-beibei',
			password: 'a long enough password'
		});
		await setMembership(database.db, { userId, campaignId, role: 'unit', unitId: id }, null);
		const page = await callRoute(unitLoad, {
			locals: await localsOf(database, userId),
			params: { campaignId: String(campaignId) }
		});
		expect(page.organisers.map((o) => o.name)).toEqual([
			'重庆市人大常委会人代工委',
			'重庆市人力资源和社会保障局'
		]);
		// A unit never reaches the overview with other units' contacts.
		await expect(
			(async () =>
				callRoute(load, {
					locals: await localsOf(database, userId),
					params: { campaignId: String(campaignId) }
				}))()
		).rejects.toMatchObject({ status: 403 });
	});
});

describe('the overview of the demo campaign', () => {
	test('every registered unit submitted; planted problems show; 市级有关部门 are off the register', async () => {
		const demoCampaign = await createCampaign(database.db, '演示', 'chongqing-2022');
		await registerPresetUnits(database.db, demoCampaign);
		await importNominations(database.db, demoCampaign, demo(), { id: null, name: 'test' });
		const { rows } = await unitsOverview(database.db, demoCampaign, '2022-10-31');
		const registered = rows.filter((r) => r.registered);
		expect(registered).toHaveLength(presetRegister().length);
		expect(registered.every((r) => r.submitted && !r.standsOut)).toBe(true);
		const offRegister = rows.filter((r) => !r.registered);
		expect(offRegister.length).toBeGreaterThan(10);
		expect(offRegister.every((r) => r.kind === 'municipal_department')).toBe(true);
		const jiangbei = rows.find((r) => r.name === '江北区人大代表联系组')!;
		expect(jiangbei.limits.find((l) => l.key === 'station')).toMatchObject({
			count: 6,
			state: 'over'
		});
		expect(rows.find((r) => r.name === '开州区人大代表联系组')?.late).toBe(true);
		expect(rows.filter((r) => r.late).map((r) => r.name)).toEqual(['开州区人大代表联系组']);
	});
});
