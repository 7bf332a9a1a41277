import { describe, expect, test } from 'vitest';
import { checkResume, parseResumeMonth, type ResumeEntry } from '$lib/domain';

const e = (from: string, to: string): ResumeEntry => ({ from, to, text: '工作' });
/** The preset's as-of month (2022-10-31): what 至今 stands for. */
const asOf = { year: 2022, month: 10 };

describe('parseResumeMonth', () => {
	test.each([
		['2008.07', { year: 2008, month: 7 }],
		['2008.7', { year: 2008, month: 7 }],
		['2008', null],
		['2008.13', null],
		['2008-07', null]
	])('%s', (value, expected) => {
		expect(parseResumeMonth(value)).toEqual(expected);
	});
});

describe('checkResume', () => {
	const clean: [string, ResumeEntry[]][] = [
		['next month', [e('1994.07', '2009.12'), e('2010.01', '至今')]],
		[
			'same month (任免表 style)',
			[e('1994.07', '2009.12'), e('2009.12', '2015.03'), e('2015.03', '至今')]
		],
		['across a year end', [e('2001.09', '2001.12'), e('2002.01', '2002.06')]],
		['single-digit months', [e('2001.9', '2001.12'), e('2002.1', '至今')]],
		['a single entry', [e('2010.01', '至今')]],
		['empty (left to REQUIRED-MISSING)', []]
	];
	test.each(clean)('continuous: %s', (_name, entries) => {
		expect(checkResume(entries, asOf)).toEqual([]);
	});

	const broken: [string, ResumeEntry[], string[], number[]][] = [
		['a one-month gap', [e('1994.07', '2009.11'), e('2010.01', '至今')], ['gap'], [1]],
		['a year gap', [e('1994.07', '2008.12'), e('2010.01', '至今')], ['gap'], [1]],
		['an overlap', [e('1994.07', '2010.03'), e('2010.01', '至今')], ['overlap'], [1]],
		['not to the month', [e('1994', '2009.12'), e('2010.01', '至今')], ['not-to-month'], [0]],
		['end not to the month', [e('1994.07', '2009年'), e('2010.01', '至今')], ['not-to-month'], [0]],
		[
			'至今 in the middle: a running entry beside a later one',
			[e('1994.07', '至今'), e('2010.01', '2012.01')],
			['overlap'],
			[1]
		],
		[
			'在职学习 beside a job: an overlap, never a gap',
			[e('1994.07', '2009.12'), e('2010.01', '至今'), e('2012.09', '2015.06')],
			['overlap'],
			[2]
		],
		[
			'a concurrent entry bridges what would be a gap between listed neighbours',
			[e('2000.01', '2005.12'), e('2003.01', '2008.12'), e('2009.01', '至今')],
			['overlap'],
			[1]
		],
		[
			'a gap on the union of the periods, beside a nested entry',
			[e('2000.01', '2010.12'), e('2005.01', '2006.12'), e('2012.01', '至今')],
			['overlap', 'gap'],
			[1, 2]
		],
		[
			'overlap by exactly two months',
			[e('1994.07', '2010.01'), e('2009.12', '至今')],
			['overlap'],
			[1]
		],
		['end before start', [e('1994.07', '1993.01')], ['reversed'], [0]]
	];
	test.each(broken)('%s', (_name, entries, kinds, indexes) => {
		const problems = checkResume(entries, asOf);
		expect(problems.map((p) => p.kind)).toEqual(kinds);
		expect(problems.map((p) => p.index)).toEqual(indexes);
		expect(problems.every((p) => p.message.length > 0)).toBe(true);
	});
});
