import { idCheckCharacter } from '../../domain/id-number';

/** Check characters indexed by the weighted sum mod 11 (GB 11643). */
const CHECK_CHARS = '10X98765432';

/**
 * An 18-character ID number from a 6-digit area code, the birth date (`YYYYMMDD`) and a 3-digit
 * sequence; the sequence's last digit is odd for men and even for women, as the standard says.
 */
export function buildIdNumber(
	areaCode: string,
	birthDate: string,
	sequence: number,
	gender: '男' | '女'
): string {
	let seq = sequence % 1000;
	if ((seq % 2 === 1) !== (gender === '男')) seq = (seq + 1) % 1000;
	const first17 = `${areaCode}${birthDate}${String(seq).padStart(3, '0')}`;
	return first17 + idCheckCharacter(first17);
}

/** The same number with a deliberately wrong check character (for planted problems). */
export function corruptCheckChar(idNumber: string): string {
	const first17 = idNumber.slice(0, 17);
	const right = idCheckCharacter(first17);
	const wrong = CHECK_CHARS[(CHECK_CHARS.indexOf(right) + 3) % 11] ?? '0';
	return first17 + wrong;
}
