import { describe, expect, test } from 'vitest';
import { capBase, capLimits, presets, resolveCampaign, type CampaignParameters } from '$lib/domain';

const preset = presets['chongqing-2022'];

describe('presets', () => {
	test('chongqing-2022 reproduces the notice (SPEC §2)', () => {
		expect(preset.quotas).toEqual({
			collective: 40,
			individual: 50,
			suggestion: 100,
			station: 115
		});
		expect(preset.submissionDeadline).toBe('2022-10-28');
		expect(preset.asOfDate).toBe('2022-10-31');
		expect(preset.recordWindowStart).toBe('2018-01-01');
		expect(preset.unitNoticeWorkingDays).toBe(5);
		expect(preset.finalNoticeWorkingDays).toBe(5);
		expect(preset.caps).toEqual({ division: 0.2, municipalOrgan: 0.15, enterpriseHead: 0.15 });
		expect(preset.passRule).toBe('majority-of-panel');
	});
});

describe('capBase', () => {
	test('is the collective and individual quotas: 90', () => {
		expect(capBase(preset)).toBe(90);
	});
});

describe('capLimits', () => {
	const cases: [
		string,
		CampaignParameters,
		{ division: number; municipalOrgan: number; enterpriseHead: number }
	][] = [
		['the preset, floored', preset, { division: 18, municipalOrgan: 13, enterpriseHead: 13 }],
		[
			'a base of 100',
			{ ...preset, quotas: { ...preset.quotas, collective: 50 } },
			{ division: 20, municipalOrgan: 15, enterpriseHead: 15 }
		],
		[
			'a base of 7',
			{ ...preset, quotas: { ...preset.quotas, collective: 3, individual: 4 } },
			{ division: 1, municipalOrgan: 1, enterpriseHead: 1 }
		]
	];
	test.each(cases)('%s', (_name, params, expected) => {
		expect(capLimits(params)).toEqual(expected);
	});
});

describe('resolveCampaign', () => {
	test('defaults to chongqing-2022', () => {
		expect(resolveCampaign()).toEqual(preset);
		expect(resolveCampaign({ preset: 'chongqing-2022' })).toEqual(preset);
	});

	test('lays given parameters over the preset, nested objects key by key', () => {
		const params = resolveCampaign({
			quotas: { station: 100 },
			caps: { division: 0.1 },
			asOfDate: '2023-10-31'
		});
		expect(params.quotas).toEqual({ ...preset.quotas, station: 100 });
		expect(params.caps).toEqual({ ...preset.caps, division: 0.1 });
		expect(params.asOfDate).toBe('2023-10-31');
		expect(params.submissionDeadline).toBe(preset.submissionDeadline);
	});
});
