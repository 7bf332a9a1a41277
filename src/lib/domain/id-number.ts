/**
 * 居民身份证 numbers (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * and a check character computed with ISO 7064 MOD 11-2 ('X' stands for 10).
 */
import { dayNumber, type YearMonth } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Why an ID number is invalid, or 'ok'. */
export type IdNumberProblem = 'ok' | 'format' | 'birth-date' | 'check-digit' | 'birth-mismatch';

/** The check character (0–9 or X) for the first 17 digits of an ID number. */
export function idCheckCharacter(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
	return CHECK_CHARS[sum % 11] ?? '';
}

/** The birth date 'YYYY-MM-DD' encoded in an 18-character ID number, or null if it is not a real date. */
export function idBirthDate(idNumber: string): string | null {
	const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
	return dayNumber(birth) === null ? null : birth;
}

/**
 * Checks an 18-character 居民身份证 number: shape (17 digits + digit or X; a lower-case x is
 * accepted), real birth date, check character, and — when `birth` (出生年月) is given — that
 * the year and month agree with it. Surrounding spaces are ignored.
 */
export function checkIdNumber(idNumber: string, birth?: YearMonth | null): IdNumberProblem {
	const value = idNumber.trim().toUpperCase();
	if (!/^\d{17}[\dX]$/.test(value)) return 'format';
	const encodedBirth = idBirthDate(value);
	if (encodedBirth === null) return 'birth-date';
	if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return 'check-digit';
	if (birth) {
		const [year, month] = encodedBirth.split('-').map(Number);
		if (year !== birth.year || month !== birth.month) return 'birth-mismatch';
	}
	return 'ok';
}

/** Chinese explanation of an ID number problem, for findings. */
export const idProblemMessages: Record<Exclude<IdNumberProblem, 'ok'>, string> = {
	format: '应为18位，前17位为数字，末位为数字或X',
	'birth-date': '第7–14位不是真实的出生日期',
	'check-digit': '末位校验码与前17位不符，可能录错了某一位',
	'birth-mismatch': '号码中的出生年月与“出生年月”栏不一致'
};
