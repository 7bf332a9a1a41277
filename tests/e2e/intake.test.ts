import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { campaignIdOf, signIn } from './helpers';

/** Values of a new 先进个人 row, by the template's headers (a wrong 性别 to see a finding). */
const row: Record<string, string | number> = {
	推荐单位: '渝中区人大代表联系组',
	推荐单位类型: '联系组',
	报送日期: '2022-10-28',
	姓名: '导入测试甲',
	性别: '未知',
	民族: '汉族',
	出生年月: '1980.05',
	籍贯: '重庆市渝中区',
	政治面貌: '中共党员',
	学历学位: '大学 学士',
	联系电话: '13800000000',
	证件类型: '居民身份证',
	证件号码: '500103198005101234',
	工作单位: '渝中区某街道',
	单位性质: '机关',
	推荐类别: '区县人大代表',
	个人简历: '2002.07—至今\u3000渝中区某街道干部',
	主要事迹: '积极履职。'
};

test('a secretary downloads a template, uploads it filled, previews findings, imports, and sees the card', async ({
	page
}) => {
	await signIn(page, 'secretary');
	const campaignId = campaignIdOf(page);
	await page.getByRole('link', { name: '导入', exact: true }).click();
	await expect(page.getByRole('heading', { name: /导入推荐材料/ })).toBeVisible();

	const downloading = page.waitForEvent('download');
	await page.locator('[data-template="individual"]').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('先进个人推荐审批表导入模板.xlsx');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('先进个人')!;
	const headers = sheet.getRow(1).values as (string | undefined)[];
	for (const [header, value] of Object.entries(row)) {
		const column = headers.indexOf(header);
		expect(column, header).toBeGreaterThan(0);
		sheet.getCell(2, column).value = value;
	}
	const filled = Buffer.from(await workbook.xlsx.writeBuffer());

	await page.getByLabel('选择文件').setInputFiles({
		name: '名单.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: filled
	});
	await page.getByRole('button', { name: '预览' }).click();
	const preview = page.locator('[data-preview]');
	await expect(
		preview.getByRole('heading', { name: /将导入 1 项（新增 1 项，更新 0 项），尚未写入/ })
	).toBeFocused();
	await expect(preview.locator('[data-track-count="individual"]')).toContainText('先进个人 1 项');
	const finding = preview.locator('[data-finding-code="ENUM-INVALID"]').first();
	await expect(finding).toContainText('性别“未知”不在可选范围内');

	// Nothing is written by the preview: the board does not know the name yet.
	const board = await page.context().newPage();
	await board.goto(`/c/${campaignId}/board?q=${encodeURIComponent('导入测试甲')}`);
	await expect(board.locator('[data-candidate-id]')).toHaveCount(0);

	await page.locator('[data-confirm]').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-imported]')).toContainText('已导入 1 项：新增 1 项');

	await board.reload();
	const card = board.locator('[data-column="submitted"] [data-candidate-id]');
	await expect(card).toHaveCount(1);
	await expect(card).toContainText('导入测试甲');
});

test('an old .xls file is refused with the message to save it as .xlsx', async ({ page }) => {
	await signIn(page, 'secretary');
	await page.getByRole('link', { name: '导入', exact: true }).click();
	await page.getByLabel('选择文件').setInputFiles({
		name: '名单.xls',
		mimeType: 'application/vnd.ms-excel',
		buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
	});
	await page.getByRole('button', { name: '预览' }).click();
	await expect(page.locator('[data-refusal]')).toContainText('请另存为 .xlsx / .docx 后再上传');
	await expect(page.locator('[data-confirm]')).toHaveCount(0);
});

test('a unit account may not import for another unit; a panelist may not open the page', async ({
	page,
	browser
}) => {
	await signIn(page, 'unit-yuzhong');
	const campaignId = campaignIdOf(page);
	const template = await page.request.get(`/c/${campaignId}/import/templates/collective`);
	expect(template.status()).toBe(200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('先进集体')!;
	const headers = sheet.getRow(1).values as (string | undefined)[];
	sheet.getCell(2, headers.indexOf('推荐单位')).value = '江北区人大代表联系组';
	sheet.getCell(2, headers.indexOf('集体名称')).value = '别人的集体';
	await page.goto(`/c/${campaignId}/import`);
	await page.getByLabel('选择文件').setInputFiles({
		name: '江北.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(await workbook.xlsx.writeBuffer())
	});
	await page.getByRole('button', { name: '预览' }).click();
	await expect(page.locator('[data-refusal]')).toContainText(
		'推荐单位“江北区人大代表联系组”不是本单位（渝中区人大代表联系组）'
	);

	const panelist = await (await browser.newContext()).newPage();
	await signIn(panelist, 'panelist1');
	expect((await panelist.request.get(`/c/${campaignId}/import`)).status()).toBe(403);
	expect(
		(await panelist.request.get(`/c/${campaignId}/import/templates/individual`)).status()
	).toBe(403);
	await panelist.context().close();
});
