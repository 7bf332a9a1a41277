/**
 * Intake refusals and rights (issue 10): old formats, broken, foreign and oversized files are
 * refused with a Chinese message and write nothing; a unit account imports only its own
 * nominations; a preview writes nothing; a confirm is all or nothing and only for the files
 * previewed.
 */
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { presets } from '../../src/lib/domain/campaign';
import type { IndividualNomination, Nomination } from '../../src/lib/domain/interchange';
import { unit } from '../../src/lib/server/db/schema';
import { approvalFormDocx, formFileName } from '../../src/lib/server/export/approval-form';
import { importNominations } from '../../src/lib/server/import/nominations';
import { ImportRefusedError } from '../../src/lib/server/import/preflight';
import { IntakeRefusal } from '../../src/lib/server/intake/refusal';
import { templateXlsx } from '../../src/lib/server/intake/template';
import {
	confirmUpload,
	maxFileBytes,
	previewUpload,
	uploadDigest,
	type Uploader,
	type UploadFile
} from '../../src/lib/server/intake/upload';
import { createCampaign } from '../../src/lib/server/seed';
import { createUser } from '../../src/lib/server/users';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { counts, demo } from '../helpers/documents';

let database: TestDatabase;
let campaignId: number;
let secretary: Uploader;
const parameters = presets['chongqing-2022'];
const yuzhong = '渝中区人大代表联系组';
const jiangbei = '江北区人大代表联系组';

beforeAll(async () => {
	database = await freshDatabase();
	campaignId = await createCampaign(database.db, '拒收', 'chongqing-2022');
	await importNominations(database.db, campaignId, demo(), { id: null, name: 'test' });
	const user = await createUser(database.db, {
		username: 'intake-refusals',
		displayName: '秘书',
		password: 'intake-secret-1'
	});
	secretary = { id: user.id, name: '秘书', access: { role: 'secretary', unitId: null } };
});
afterAll(async () => {
	await database.destroy();
});

async function unitAccount(name: string): Promise<Uploader> {
	const [row] = await database.db.select({ id: unit.id }).from(unit).where(eq(unit.name, name));
	return { ...secretary, access: { role: 'unit', unitId: row!.id } };
}

const ofUnit = (name: string, track: Nomination['track']) =>
	demo().nominations.filter((n) => n.unit.name === name && n.track === track);

/** Expects the upload to be refused with a message matching `message`, and nothing written. */
async function expectRefused(
	files: UploadFile[],
	message: RegExp,
	uploader: Uploader = secretary
): Promise<void> {
	const before = await counts(database.db);
	const error = await previewUpload(database.db, campaignId, uploader, files).catch((e) => e);
	expect(error).toBeInstanceOf(IntakeRefusal);
	expect((error as Error).message).toMatch(message);
	expect(await counts(database.db)).toEqual(before);
}

const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('files that cannot be read are refused, nothing written', () => {
	test.each([
		['名单.xls', ole],
		['名单.et', Buffer.from('not a workbook')],
		['王五.doc', ole],
		['改了扩展名.docx', ole]
	])('%s: 请另存为 .xlsx / .docx', async (name, bytes) => {
		await expectRefused([{ name, bytes }], /请另存为 \.xlsx \/ \.docx 后再上传/);
	});

	test('a broken zip named .docx and .xlsx', async () => {
		const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
		await expectRefused([{ name: '坏.docx', bytes: broken }], /“坏\.docx”无法打开：文件已损坏/);
		await expectRefused([{ name: '坏.xlsx', bytes: broken }], /“坏\.xlsx”无法打开：文件已损坏/);
	});

	test('a Word document that is not an approval form', async () => {
		const bytes = await Packer.toBuffer(
			new Document({ sections: [{ children: [new Paragraph('会议纪要：今天开会。')] }] })
		);
		await expectRefused([{ name: '纪要.docx', bytes }], /“纪要\.docx”不是审批表/);
	});

	test('a workbook that is not our template', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Sheet1').addRow(['序号', '金额', '备注']);
		const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
		await expectRefused([{ name: '账目.xlsx', bytes }], /没有找到导入模板的表头/);
	});

	test('a file over the size limit, and a file of an unknown kind', async () => {
		const big = Buffer.alloc(maxFileBytes + 1);
		big.write('PK\x03\x04');
		await expectRefused([{ name: '大.xlsx', bytes: big }], /超过单个文件 20 MB 的上限/);
		await expectRefused(
			[{ name: '照片.png', bytes: Buffer.from('png') }],
			/格式不能导入.*\.xlsx.*\.docx.*\.json/
		);
	});

	test('a JSON file that is not shortlist/v1', async () => {
		await expectRefused(
			[{ name: 'x.json', bytes: Buffer.from('{"format":"other"}') }],
			/不是有效的交换文件/
		);
	});
});

describe('unit accounts import only their own nominations', () => {
	test('a template naming another unit is refused for a unit account', async () => {
		const bytes = await templateXlsx('individual', parameters, ofUnit(yuzhong, 'individual'));
		await expectRefused(
			[{ name: '渝中.xlsx', bytes }],
			/推荐单位“渝中区人大代表联系组”不是本单位（江北区人大代表联系组）/,
			await unitAccount(jiangbei)
		);
	});

	test('a template with the unit left blank imports into the account’s own unit only', async () => {
		const own = ofUnit(yuzhong, 'individual').map((n) => ({
			...n,
			unit: { ...n.unit, name: '' }
		}));
		const bytes = await templateXlsx('individual', parameters, own);
		const files = [{ name: '本单位.xlsx', bytes }];
		const account = await unitAccount(yuzhong);
		const preview = await previewUpload(database.db, campaignId, account, files);
		expect(preview).toMatchObject({ total: own.length, created: 0, updated: own.length });
		const summary = await confirmUpload(database.db, campaignId, account, files, preview.digest);
		expect(summary).toMatchObject({ created: 0, updated: own.length, units: 1 });
	});
});

describe('preview and confirm', () => {
	test('a preview shows each finding in Chinese and what could not be read, and writes nothing', async () => {
		const first = ofUnit(yuzhong, 'individual')[0] as IndividualNomination;
		const wrong = {
			...first,
			person: { ...first.person, gender: '未知', name: '张试' },
			ref: 'new-1'
		};
		const bytes = await templateXlsx('individual', parameters, [wrong]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		const column = (sheet.getRow(1).values as string[]).indexOf('直接从事市人大代表工作年限（年）');
		sheet.getCell(2, column).value = '三年';
		const edited = Buffer.from(await workbook.xlsx.writeBuffer());
		const before = await counts(database.db);
		const preview = await previewUpload(database.db, campaignId, secretary, [
			{ name: '有误.xlsx', bytes: edited }
		]);
		expect(await counts(database.db)).toEqual(before);
		expect(preview.notes).toEqual([
			'“有误.xlsx”先进个人 第2行：“直接从事市人大代表工作年限（年）”应填数字，现为“三年”。'
		]);
		expect(preview.findings).toContainEqual(
			expect.objectContaining({
				code: 'ENUM-INVALID',
				subject: '张试',
				field: 'person.gender',
				message: expect.stringContaining('性别“未知”不在可选范围内')
			})
		);
	});

	test('the same candidate twice is a problem, and confirming it writes nothing', async () => {
		const [form] = ofUnit(yuzhong, 'collective');
		const bytes = await approvalFormDocx(form!);
		const files = [
			{ name: formFileName(form!), bytes },
			{ name: `副本-${formFileName(form!)}`, bytes }
		];
		const preview = await previewUpload(database.db, campaignId, secretary, files);
		expect(preview.problems).toHaveLength(1);
		expect(preview.problems[0]).toMatch(/是同一推荐对象/);
		const before = await counts(database.db);
		await expect(
			confirmUpload(database.db, campaignId, secretary, files, preview.digest)
		).rejects.toBeInstanceOf(ImportRefusedError);
		expect(await counts(database.db)).toEqual(before);
	});

	test('confirm refuses other files than those previewed, and a batch with one broken file', async () => {
		const [form] = ofUnit(yuzhong, 'suggestion');
		const good = { name: formFileName(form!), bytes: await approvalFormDocx(form!) };
		const preview = await previewUpload(database.db, campaignId, secretary, [good]);
		expect(preview).toMatchObject({ total: 1, updated: 1 });
		const before = await counts(database.db);
		const broken = { name: '坏.docx', bytes: Buffer.from('PK\x03\x04broken') };
		await expect(
			confirmUpload(database.db, campaignId, secretary, [good, broken], preview.digest)
		).rejects.toThrow(/与预览时不同/);
		await expect(
			confirmUpload(
				database.db,
				campaignId,
				secretary,
				[good, broken],
				uploadDigest([good, broken])
			)
		).rejects.toThrow(/坏\.docx”无法打开/);
		expect(await counts(database.db)).toEqual(before);
	});
});
