import type { LiaisonShape } from './liaison-unit';
import type { UnitSchedule } from './schedule';

/** A unit-level planted problem: which liaison group, what is wrong, and how to make it so. */
export interface UnitPlant {
	slug: string;
	code: string;
	note: string;
	shape?: (shape: LiaisonShape) => LiaisonShape;
	schedule?: (schedule: UnitSchedule) => UnitSchedule;
}

/** Deliberate per-unit problems (SPEC §4.2); each on its own liaison group. */
export const UNIT_PLANTS: readonly UnitPlant[] = [
	{
		slug: 'jiangbei',
		code: 'UNIT-LIMIT-EXCEEDED',
		note: 'six 代表家站 nominated; the limit is 3–5',
		shape: (shape) => ({ ...shape, stations: 6 })
	},
	{
		slug: 'hechuan',
		code: 'UNIT-LIMIT-SHORT',
		note: 'three suggestions nominated; the minimum is 4',
		shape: (shape) => ({ ...shape, suggestions: 3 })
	},
	{
		slug: 'fuling',
		code: 'UNIT-DIVISION-EXTRA',
		note: 'one 处级干部 deputy, but no nominee of the unit is 基层一线',
		shape: (shape) => ({ ...shape, deputies: 1, divisionDeputies: 1, noFrontlineCompanion: true })
	},
	{
		slug: 'yongchuan',
		code: 'UNIT-NOTICE-DAYS',
		note: 'unit notice 2022-10-18…2022-10-21 spans four working days, not five',
		schedule: (schedule) => ({
			...schedule,
			consultedOn: '2022-10-17',
			unitNotice: { start: '2022-10-18', end: '2022-10-21' },
			submittedAt: '2022-10-24'
		})
	},
	{
		slug: 'wanzhou',
		code: 'UNIT-NOTICE-ORDER',
		note: 'unit notice 2022-10-12…2022-10-18 started before the notice was issued on 2022-10-17',
		schedule: (schedule) => ({
			...schedule,
			consultedOn: '2022-10-17',
			unitNotice: { start: '2022-10-12', end: '2022-10-18' },
			submittedAt: '2022-10-24'
		})
	},
	{
		slug: 'kaizhou',
		code: 'UNIT-LATE',
		note: 'submitted on 2022-10-31, after the 2022-10-28 deadline',
		schedule: (schedule) => ({ ...schedule, submittedAt: '2022-10-31' })
	}
];

/** How many clean liaison groups (chosen by seed) nominate one 处级干部 with a 基层一线 companion. */
export const CLEAN_DIVISION_UNITS = 6;
