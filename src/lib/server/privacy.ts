/**
 * Personal data (SPEC §7): ID numbers, phone numbers and addresses are shown only to secretaries
 * (and admins) and to the unit that submitted them; never to panelists, observers or exports
 * for the public notice.
 */

/** Form fields that hold personal data, by form section. */
const PERSONAL_FIELDS: Record<string, readonly string[]> = {
	person: ['idNumber', 'phone', 'address'],
	collective: ['address', 'postcode']
};

export const HIDDEN = '（已隐藏）';

/** A copy of a nomination form with personal fields replaced by a placeholder. */
export function withoutPersonalData<T extends Record<string, unknown>>(form: T): T {
	const copy: Record<string, unknown> = { ...form };
	for (const [section, fields] of Object.entries(PERSONAL_FIELDS)) {
		const value = copy[section];
		if (!value || typeof value !== 'object') continue;
		const masked: Record<string, unknown> = { ...(value as Record<string, unknown>) };
		for (const field of fields) if (field in masked) masked[field] = HIDDEN;
		copy[section] = masked;
	}
	return copy as T;
}
