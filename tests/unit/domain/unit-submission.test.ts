import { describe, expect, test } from 'vitest';
import { validateUnit, type Nomination } from '$lib/domain';
import { fullSlate, params } from './fixtures';

const UNIT = '北碚区人大代表联系组';
const withNotice = (start: string, end: string) =>
	fullSlate().map((n): Nomination => ({ ...n, unitNotice: { start, end } }));
const noticeFindings = (nominations: Nomination[]) =>
	validateUnit(UNIT, nominations, params).filter((f) => f.code === 'UNIT-NOTICE-DAYS');

describe('UNIT-NOTICE-DAYS (通知三(一)、四(一)1)', () => {
	const cases: [string, string, string, boolean][] = [
		['Mon–Fri, 5 working days', '2022-10-17', '2022-10-21', false],
		['Mon–Thu, 4 working days', '2022-10-17', '2022-10-20', true],
		['Mon–Sun, still 5', '2022-10-17', '2022-10-23', false],
		['9-30 … 10-10 is only 4 (National Day)', '2022-09-30', '2022-10-10', true],
		['9-30 … 10-11 is 5 (10-8, 10-9 worked)', '2022-09-30', '2022-10-11', false],
		['9-8 … 9-14 is 4 (Mid-Autumn)', '2022-09-08', '2022-09-14', true],
		['9-8 … 9-15 is 5', '2022-09-08', '2022-09-15', false],
		['end before start', '2022-10-21', '2022-10-17', true],
		['a very long notice', '2022-01-01', '2022-10-21', false]
	];
	test.each(cases)('%s', (_name, start, end, expected) => {
		expect(noticeFindings(withNotice(start, end)).length).toBe(expected ? 1 : 0);
	});

	test('a nomination without a notice is named', () => {
		const nominations = fullSlate();
		const first = nominations[0];
		if (!first) throw new Error('fixture');
		nominations[0] = { ...first, unitNotice: undefined };
		const [found] = noticeFindings(nominations);
		expect(found?.message).toContain(first.ref);
		expect(found).toMatchObject({ ref: UNIT, severity: 'error', field: 'unitNotice' });
	});

	test('uses the campaign’s length', () => {
		expect(
			validateUnit(UNIT, withNotice('2022-10-17', '2022-10-20'), {
				...params,
				unitNoticeWorkingDays: 4
			})
		).toEqual([]);
	});
});

describe('UNIT-LATE (通知四(四))', () => {
	const at = (submittedAt: string | undefined) =>
		fullSlate().map((n): Nomination => ({ ...n, submittedAt }));
	test.each([
		['2022-10-27', false],
		['2022-10-28', false],
		['2022-10-29', true],
		[undefined, false]
	])('submitted %s → late %s', (submittedAt, expected) => {
		const found = validateUnit(UNIT, at(submittedAt), params).filter((f) => f.code === 'UNIT-LATE');
		expect(found.length).toBe(expected ? 1 : 0);
		if (expected) expect(found[0]?.severity).toBe('warning');
	});
});
