/** Progressive enhancement for the small record forms (consultations, objections). */
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Submits without reloading the page: reports the action's message through `report`, clears
 * the form after a success, and then calls `onsaved` so the caller can refresh what it shows.
 */
export function recordForm(
	report: (message: string) => void,
	onsaved?: () => void
): SubmitFunction {
	return () =>
		async ({ result, update }) => {
			report(
				result.type === 'success' || result.type === 'failure'
					? String(result.data?.message ?? '')
					: '保存失败，请重试。'
			);
			await update({ reset: result.type === 'success', invalidateAll: false });
			if (result.type === 'success') onsaved?.();
		};
}
