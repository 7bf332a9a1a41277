import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { campaignIdOf, signIn } from './helpers';

/** A signed-in page of its own browser context (its own session), on the candidate's page. */
async function openAs(browser: Browser, username: string, path: string | null): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username);
	if (path) await page.goto(path);
	return page;
}

test('two panel members write one 评审意见 together; the shared screen reads it live', async ({
	browser
}) => {
	test.setTimeout(90_000);
	// The secretary finds a candidate without a comment on the board (panelist4 is not recused
	// from anyone); a retry or a repeat takes another one.
	const secretary = await openAs(browser, 'secretary', null);
	const campaignId = campaignIdOf(secretary);
	const candidateId = await secretary
		.locator('[data-candidate-id]:not(:has([data-testid="has-comment"]))')
		.first()
		.getAttribute('data-candidate-id');
	const path = `/c/${campaignId}/candidates/${candidateId}`;
	const board = secretary;
	const writerA = await openAs(browser, 'secretary', path);
	const writerB = await openAs(browser, 'panelist4', path);
	const screen = await openAs(browser, 'screen', path);

	const bodyOf = (page: Page) => page.getByTestId('comment-body').locator('.ProseMirror');
	/** The comment's text without the other editors' caret labels (which sit inside the editor). */
	const textOf = (page: Page) =>
		bodyOf(page).evaluate((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
			return copy.textContent ?? '';
		});
	for (const page of [writerA, writerB, screen]) {
		await expect(bodyOf(page)).toBeVisible();
		await expect(page.getByTestId('comment-status')).toHaveText(/已保存|正在连接/);
	}

	await bodyOf(writerA).click();
	await writerA.keyboard.type('事迹突出，同意推荐。');
	await expect.poll(() => textOf(writerB)).toContain('事迹突出，同意推荐。');
	await expect.poll(() => textOf(screen)).toContain('事迹突出，同意推荐。');
	await expect(writerA.getByTestId('comment-status')).toHaveText('已保存');

	// B types at the end; A sees B's caret labelled with B's name, and both see who is here.
	await bodyOf(writerB).click();
	await writerB.keyboard.press('End');
	await writerB.keyboard.type('建议列入。');
	await expect.poll(() => textOf(writerA)).toContain('同意推荐。建议列入。');
	await expect(
		writerA.locator('.collaboration-carets__label', { hasText: '刘春梅' })
	).toBeVisible();
	await expect(
		writerB.locator('.collaboration-carets__label', { hasText: '秘书处（演示）' })
	).toBeVisible();
	await expect(writerA.getByTestId('comment-peers')).toContainText('刘春梅');
	await expect(writerA.getByTestId('comment-peers')).toContainText('会议室大屏（只读）');
	await expect(writerB.getByTestId('comment-status')).toHaveText('已保存');

	// The shared screen cannot type: its editor is not editable, and nothing it tries arrives.
	await expect(bodyOf(screen)).toHaveAttribute('contenteditable', 'false');
	await bodyOf(screen).click();
	await screen.keyboard.type('大屏输入');
	await expect.poll(() => textOf(screen)).not.toContain('大屏输入');
	await expect.poll(() => textOf(screen)).toContain('同意推荐。建议列入。');

	// Bold, from the toolbar, reaches the others as bold. Pressing the button leaves the focus in
	// the text (it never blurs), so the next keystrokes are bold at once.
	await bodyOf(writerA).click();
	await writerA.keyboard.press('End');
	await bodyOf(writerA).evaluate((element) => {
		element.dataset.blurs = '0';
		element.addEventListener('blur', () => {
			element.dataset.blurs = String(Number(element.dataset.blurs) + 1);
		});
	});
	const bold = writerA.getByRole('button', { name: '加粗' });
	await bold.click();
	await expect(bold).toHaveAttribute('aria-pressed', 'true');
	await expect(bodyOf(writerA)).toHaveAttribute('data-blurs', '0');
	await expect(bodyOf(writerA)).toBeFocused();
	await writerA.keyboard.type('重点');
	await expect(bodyOf(writerB).locator('strong', { hasText: '重点' })).toBeVisible();

	// The board shows the card has a comment (a live event, no reload).
	await expect(
		board.locator(`[data-candidate-id="${candidateId}"]`).getByTestId('has-comment')
	).toBeVisible();

	// A reload shows the saved text (from the database, not from the page's memory).
	await writerB.reload();
	await expect.poll(() => textOf(writerB)).toContain('事迹突出，同意推荐。建议列入。重点');
});

test('the client build holds one copy of yjs, and it loads only with the editor', () => {
	const folder = 'build/client/_app/immutable';
	const files = ['chunks', 'nodes', 'entry']
		.flatMap((sub) =>
			readdirSync(path.join(folder, sub)).map((file) => path.join(folder, sub, file))
		)
		.filter((file) => file.endsWith('.js'));
	// Yjs' own module carries this warning text exactly once per copy.
	const marker = 'Yjs was already imported';
	const copies = files.filter((file) => readFileSync(file, 'utf8').includes(marker));
	expect(copies).toHaveLength(1);
	expect(readFileSync(copies[0]!, 'utf8').split(marker)).toHaveLength(2);
	// No page's entry imports it statically: it arrives with the editor, on demand.
	const yjsChunk = path.basename(copies[0]!);
	for (const file of files.filter((f) => f.includes(`${path.sep}nodes${path.sep}`))) {
		const statics = [...readFileSync(file, 'utf8').matchAll(/(?:^|;)import[^;]*?from"([^"]+)"/g)];
		expect(statics.map((m) => path.basename(m[1]!))).not.toContain(yjsChunk);
	}
});
