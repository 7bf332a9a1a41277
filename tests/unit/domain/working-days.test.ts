import { describe, expect, test } from 'vitest';
import {
	addWorkingDays,
	calendarCoverage,
	countWorkingDays,
	isCalendarCovered,
	isWorkingDay
} from '$lib/domain';

describe('isWorkingDay', () => {
	const cases: [string, boolean, string][] = [
		['2022-09-09', true, 'Friday before Mid-Autumn'],
		['2022-09-10', false, 'Mid-Autumn Saturday'],
		['2022-09-11', false, 'Mid-Autumn Sunday'],
		['2022-09-12', false, 'Mid-Autumn Monday off'],
		['2022-09-13', true, 'Tuesday after Mid-Autumn'],
		['2022-09-30', true, 'Friday before National Day'],
		['2022-10-01', false, 'National Day'],
		['2022-10-03', false, 'National Day Monday'],
		['2022-10-07', false, 'National Day Friday'],
		['2022-10-08', true, 'make-up Saturday'],
		['2022-10-09', true, 'make-up Sunday'],
		['2022-10-10', true, 'ordinary Monday'],
		['2022-10-15', false, 'ordinary Saturday'],
		['2021-12-31', true, 'last day of 2021'],
		['2022-01-01', false, 'New Year'],
		['2022-01-03', false, 'New Year Monday off'],
		['2022-01-04', true, 'back after New Year'],
		['2018-02-11', true, '2018 Spring Festival make-up Sunday'],
		['2018-02-16', false, '2018 Spring Festival'],
		['2020-01-31', false, '2020 extended Spring Festival'],
		['2023-04-23', true, '2023 make-up Sunday'],
		['2024-02-04', true, '2024 make-up Sunday'],
		['2025-01-28', false, '2025 Spring Festival eve off'],
		['2026-02-14', true, '2026 make-up Saturday'],
		['2026-10-07', false, '2026 National Day']
	];
	test.each(cases)('%s is working day: %s (%s)', (date, expected) => {
		expect(isWorkingDay(date)).toBe(expected);
	});

	test('rejects a date that does not exist', () => {
		expect(() => isWorkingDay('2022-02-30')).toThrow(RangeError);
		expect(() => isWorkingDay('2022.10.08')).toThrow(RangeError);
	});

	test('is independent of the host time zone (plain date strings)', () => {
		const before = process.env.TZ;
		process.env.TZ = 'America/Los_Angeles';
		try {
			expect(isWorkingDay('2022-10-08')).toBe(true);
			expect(isWorkingDay('2022-10-07')).toBe(false);
		} finally {
			process.env.TZ = before;
		}
	});
});

describe('calendarCoverage', () => {
	test('covers 2018 through 2026 at least', () => {
		expect(calendarCoverage.firstYear).toBeLessThanOrEqual(2018);
		expect(calendarCoverage.lastYear).toBeGreaterThanOrEqual(2026);
		expect(isCalendarCovered('2018-01-01')).toBe(true);
		expect(isCalendarCovered('2026-12-31')).toBe(true);
		expect(isCalendarCovered('2099-01-01')).toBe(false);
	});
});

describe('countWorkingDays', () => {
	const cases: [string, string, number, string][] = [
		['2022-10-17', '2022-10-21', 5, 'a plain Monday–Friday week'],
		['2022-10-17', '2022-10-20', 4, 'one day short'],
		['2022-10-17', '2022-10-17', 1, 'a single working day'],
		['2022-10-15', '2022-10-16', 0, 'a weekend'],
		['2022-10-21', '2022-10-17', 0, 'end before start'],
		['2022-09-09', '2022-09-16', 5, 'across Mid-Autumn (9-10..9-12 off)'],
		['2022-09-30', '2022-10-10', 4, 'across National Day: 9-30, 10-8, 10-9, 10-10'],
		['2022-10-01', '2022-10-07', 0, 'the National Day week itself'],
		['2021-12-30', '2022-01-04', 3, 'across New Year: 12-30, 12-31, 1-4'],
		[
			'2022-01-01',
			'2022-12-31',
			249,
			'the whole of 2022 (260 weekdays − 18 holidays + 7 make-up days)'
		]
	];
	test.each(cases)('%s … %s → %i (%s)', (start, end, expected) => {
		expect(countWorkingDays(start, end)).toBe(expected);
	});
});

describe('addWorkingDays', () => {
	const cases: [string, number, string, string][] = [
		['2022-10-17', 5, '2022-10-21', '5-day notice in a plain week'],
		['2022-10-17', 1, '2022-10-17', 'a one-day notice ends the day it starts'],
		['2022-10-15', 5, '2022-10-21', 'starting on a Saturday begins Monday'],
		['2022-09-29', 5, '2022-10-10', 'across National Day with make-up weekend'],
		['2022-10-01', 5, '2022-10-12', 'starting in the holiday: 10-8, 10-9, 10-10, 10-11, 10-12'],
		['2022-09-08', 5, '2022-09-15', 'across Mid-Autumn: 9-8, 9-9, 9-13, 9-14, 9-15'],
		['2021-12-31', 2, '2022-01-04', 'across the New Year holiday'],
		['2021-12-29', 5, '2022-01-05', 'a 5-day notice over New Year']
	];
	test.each(cases)('%s + %i working days → %s (%s)', (start, n, expected) => {
		expect(addWorkingDays(start, n)).toBe(expected);
		expect(countWorkingDays(start, expected)).toBe(n);
	});

	test('refuses a non-positive or fractional length', () => {
		expect(() => addWorkingDays('2022-10-17', 0)).toThrow(RangeError);
		expect(() => addWorkingDays('2022-10-17', 2.5)).toThrow(RangeError);
	});
});
