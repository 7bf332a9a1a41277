import { describe, expect, test } from 'vitest';
import {
	capMeters,
	listCounts,
	meterState,
	quotaMeters,
	type MeterState,
	type ProposedEntry,
	type Track
} from '$lib/domain';
import { params, times } from './fixtures';

const entry = (track: Track, flags: Partial<ProposedEntry> = {}): ProposedEntry => ({
	ref: 'E',
	track,
	division: false,
	municipalOrgan: false,
	enterpriseHead: false,
	...flags
});

describe('meterState', () => {
	test.each([
		[0, 40, 'ok'],
		[35, 40, 'ok'],
		[36, 40, 'near'],
		[39, 40, 'near'],
		[40, 40, 'full'],
		[41, 40, 'full'],
		[103, 115, 'ok'],
		[104, 115, 'near'],
		[0, 0, 'full']
	] as [number, number, MeterState][])('%i of %i → %s', (proposed, quota, expected) => {
		expect(meterState(proposed, quota)).toBe(expected);
	});
});

describe('quotaMeters', () => {
	test('one meter per track with proposed, quota, remaining, state and passing-now', () => {
		const meters = quotaMeters(
			listCounts(
				[...times(40, () => entry('collective')), ...times(45, () => entry('individual'))],
				params
			),
			params,
			{ passingNow: { suggestion: 7, station: 2 }, roundPassed: { suggestion: 3 } }
		);
		expect(
			meters.map((m) => [
				m.track,
				m.proposed,
				m.quota,
				m.remaining,
				m.state,
				m.passingNow,
				m.roundPassed
			])
		).toEqual([
			['collective', 40, 40, 0, 'full', 0, 0],
			['individual', 45, 50, 5, 'near', 0, 0],
			['suggestion', 0, 100, 100, 'ok', 7, 3],
			['station', 0, 115, 115, 'ok', 2, 0]
		]);
		expect(meters[0]?.label).toBe('先进集体');
	});
});

describe('capMeters', () => {
	test.each([
		[0, 0],
		[1, 1],
		[9, 10],
		[45, 50],
		[90, 100]
	])('%i of a base of 90 is %i %%', (used, percent) => {
		const meters = capMeters(
			listCounts(
				times(used, () => entry('individual', { division: true })),
				params
			),
			params
		);
		expect(meters[0]?.percent).toBe(percent);
	});

	test('used / allowed for the three caps, exceeded one over', () => {
		const meters = capMeters(
			listCounts(
				[
					...times(18, () => entry('individual', { division: true })),
					...times(14, () => entry('collective', { municipalOrgan: true })),
					...times(13, () => entry('individual', { enterpriseHead: true })),
					...times(5, () => entry('station', { enterpriseHead: true }))
				],
				params
			),
			params
		);
		expect(meters.map((m) => [m.cap, m.used, m.allowed, m.exceeded, m.percent, m.base])).toEqual([
			['division', 18, 18, false, 20, 90],
			['municipalOrgan', 14, 13, true, 16, 90],
			['enterpriseHead', 13, 13, false, 14, 90]
		]);
	});
});
