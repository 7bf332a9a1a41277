import { expect, test } from '@playwright/test';
import { campaignIdOf, signIn } from './helpers';

test('saving a unit’s contacts low in the register answers where the secretary is looking', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page, 'secretary');
	await page.goto(`/c/${campaignIdOf(page)}/units`);
	// The last unit of the register: far below the top of the page.
	const last = page
		.locator('tbody tr')
		.filter({ has: page.getByText('编辑联系人') })
		.last();
	await last.getByText('编辑联系人').click();
	await last.getByPlaceholder('姓名').nth(1).fill('周经办');
	await last.getByRole('button', { name: '保存' }).click();
	await expect(page.getByTestId('action-message')).toHaveText('联系人已保存。');
	await expect(page.getByTestId('action-message')).toBeInViewport();
	await expect(last).toContainText('经办人：周经办');
});
