import { describe, expect, test } from 'vitest';
import { checkIdNumber, idBirthDate, idCheckCharacter, type IdNumberProblem } from '$lib/domain';

describe('idCheckCharacter', () => {
	const cases: [string, string][] = [
		['11010519491231002', 'X'],
		['50010919720812031', '2'],
		['50010919850214022', '0']
	];
	test.each(cases)('%s → %s', (first17, expected) => {
		expect(idCheckCharacter(first17)).toBe(expected);
	});
});

describe('idBirthDate', () => {
	test('reads digits 7–14 as a date', () => {
		expect(idBirthDate('500109197208120312')).toBe('1972-08-12');
		expect(idBirthDate('500109197213120312')).toBeNull();
	});
});

describe('checkIdNumber', () => {
	const cases: [string, string, { year: number; month: number } | null, IdNumberProblem][] = [
		['valid', '500109197208120312', { year: 1972, month: 8 }, 'ok'],
		['valid without a birth to compare', '500109197208120312', null, 'ok'],
		['valid with X check', '11010519491231002X', { year: 1949, month: 12 }, 'ok'],
		['valid with lower-case x', '11010519491231002x', null, 'ok'],
		['surrounding spaces ignored', ' 500109197208120312 ', null, 'ok'],
		['wrong check digit', '500109197208120313', null, 'check-digit'],
		['X where a digit belongs', '50010919720812031X', null, 'check-digit'],
		['one digit mistyped', '500109197208130312', null, 'check-digit'],
		['birth year mismatch', '500109197208120312', { year: 1973, month: 8 }, 'birth-mismatch'],
		['birth month mismatch', '500109197208120312', { year: 1972, month: 9 }, 'birth-mismatch'],
		['too short (15-digit first generation)', '500109720812031', null, 'format'],
		['letters', '50010919720812O312', null, 'format'],
		['impossible birth date', '500109197202300317', null, 'birth-date']
	];
	test.each(cases)('%s', (_name, value, birth, expected) => {
		expect(checkIdNumber(value, birth)).toBe(expected);
	});
});
