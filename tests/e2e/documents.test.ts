import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { campaignIdOf, signIn } from './helpers';

/** Clicks `link` and waits for the download it starts; its name and first bytes. */
async function download(page: Page, link: ReturnType<Page['getByRole']>) {
	const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
	const bytes = await readFile((await file.path())!);
	return { name: file.suggestedFilename(), bytes };
}

test('the board’s side panel downloads the candidate’s approval form, named as the notice asks', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await signIn(page, 'secretary');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'open');
	const card = page.locator('[data-column="submitted"] [data-candidate-id]').first();
	const title = (await card.getByRole('button').first().textContent())!.trim();
	await card.getByRole('button').first().click();
	const panel = page.getByRole('complementary', { name: '候选对象详情' });
	const link = panel.getByRole('link', { name: /下载审批表/ });
	await expect(link).toHaveText('下载审批表（.docx）');
	const file = await download(page, link);
	expect(file.name).toMatch(/^(先进个人|先进集体|优秀建议)推荐审批表－.+－.+\.docx$/);
	expect(file.name).toContain(title.slice(0, 6));
	expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
});

test('a unit downloads its own nominations’ forms, and gets 403 with a Chinese message for another unit’s', async ({
	browser,
	page
}) => {
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
	await page.goto(`/c/${campaignId}/candidates/${ownId}`);
	const file = await download(page, page.getByRole('link', { name: '下载审批表（.docx）' }));
	// 推荐单位 as the notice's 填表说明三 has it: the liaison group's 区县人大常委会.
	expect(file.name).toMatch(/－渝中区人大常委会\.docx$/);
	const foreign = await page.request.get(
		`/c/${campaignId}/candidates/${foreignId}/approval-form.docx`
	);
	expect(foreign.status()).toBe(403);
	expect(await foreign.text()).toContain('只能下载本单位推荐对象的审批表');
});

test('the shared screen is offered no download and refused one', async ({ page }) => {
	await signIn(page, 'screen');
	const campaignId = campaignIdOf(page);
	const id = await page.locator('[data-candidate-id]').first().getAttribute('data-candidate-id');
	await page.goto(`/c/${campaignId}/candidates/${id}`);
	await expect(page.locator('section[aria-label="推荐审批表"]')).toBeVisible();
	await expect(page.getByRole('link', { name: /下载审批表/ })).toHaveCount(0);
	const refused = await page.request.get(`/c/${campaignId}/candidates/${id}/approval-form.docx`);
	expect(refused.status()).toBe(403);
});

test('the documents page offers the minutes and the vote record', async ({ page }) => {
	await signIn(page, 'secretary');
	const campaignId = campaignIdOf(page);
	await page.goto(`/c/${campaignId}/documents`);
	for (const name of ['联合评审会议纪要.docx', '联合评审表决记录.docx']) {
		const file = await download(page, page.getByRole('link', { name }));
		expect(file.name).toBe(name);
		expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
	}
});

test('the zip of every approval form comes from the production server whole', async ({ page }) => {
	await signIn(page, 'secretary');
	const response = await page.request.get(`/c/${campaignIdOf(page)}/export/approval-forms.zip`);
	expect(response.status()).toBe(200);
	const zip = await JSZip.loadAsync(await response.body());
	const names = Object.keys(zip.files);
	expect(names.length).toBeGreaterThanOrEqual(555);
	// Named after the 推荐单位 the forms print: a liaison group's 区县人大常委会, never the group.
	expect(names.some((name) => name.endsWith('－渝中区人大常委会.docx'))).toBe(true);
	expect(names.filter((name) => /联系组(（\d+）)?\.docx$/.test(name))).toEqual([]);
	// Each entry is a Word package (built on the server's form workers), with its text part.
	for (const name of [names[0]!, names[names.length - 1]!]) {
		expect(name).toMatch(/推荐审批表－.+\.docx$/);
		const form = await JSZip.loadAsync(await zip.file(name)!.async('uint8array'));
		expect(await form.file('word/document.xml')!.async('string')).toContain('推荐审批表');
	}
});
