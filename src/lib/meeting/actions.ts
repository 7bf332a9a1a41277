/**
 * The meeting view's requests to its form actions: posts a form, and returns null on success or
 * the server's Chinese message on a refusal.
 */
import { deserialize } from '$app/forms';

/** Posts `fields` to the meeting page's action `name`; returns the refusal message or null. */
export async function meetingAction(
	base: string,
	name: string,
	fields: Record<string, string | number | readonly (string | number)[]>
): Promise<string | null> {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields))
		if (Array.isArray(value)) for (const v of value) body.append(key, String(v));
		else body.append(key, String(value));
	const response = await fetch(`${base}?/${name}`, {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true' }
	});
	const result = deserialize(await response.text());
	if (result.type === 'failure')
		return String((result.data as { message?: string } | undefined)?.message ?? '操作未成功。');
	if (result.type === 'error') return '操作未成功，请稍后重试。';
	return null;
}
