/**
 * Zod schemas of the three approval forms inside a `shortlist/v1` nomination (SPEC §10), and
 * the lenient field types they are built from. Missing or null text reads as '' so that the
 * rules report it as REQUIRED-MISSING; missing lists read as []; missing flags as false.
 * Every schema names, in Chinese, what it expects — that text is a structural error's `expected`.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';

/** Zod error option: "缺少此项，应为…" when absent, "应为…" when of the wrong type. */
export function expecting(description: string) {
	const spaced = /^[\x21-\x7e]/.test(description) ? ` ${description}` : description;
	return {
		error: (issue: { input?: unknown }) =>
			issue.input === undefined ? `缺少此项，应为${spaced}` : `应为${spaced}`
	};
}

/** Form text: a string; null or absent reads as ''. */
export const text = z
	.string(expecting('字符串'))
	.nullable()
	.optional()
	.transform((value) => value ?? '');
/** A yes/no flag; null or absent reads as false. */
export const flag = z
	.boolean(expecting('布尔值 true 或 false'))
	.nullable()
	.optional()
	.transform((value) => value ?? false);
/** A yes/no flag that may be unknown (undefined). */
export const optionalFlag = z
	.boolean(expecting('布尔值 true 或 false'))
	.nullable()
	.optional()
	.transform((value) => value ?? undefined);
/** A number that may be unknown (undefined). */
export const optionalNumber = z
	.number(expecting('数字'))
	.nullable()
	.optional()
	.transform((value) => value ?? undefined);
/** A real calendar date 'YYYY-MM-DD'. */
export const isoDate = z
	.string(expecting('日期字符串 YYYY-MM-DD'))
	.refine(isIsoDate, expecting('真实日期 YYYY-MM-DD'));
/** A list; null or absent reads as []. */
export const list = <T extends z.ZodType>(item: T) =>
	z
		.array(item, expecting('数组'))
		.nullable()
		.optional()
		.transform((value) => value ?? []);
/** A key that must not be there (the form of another track). */
export const absent = (instead: string) =>
	z
		.union([z.undefined(), z.null()], { error: () => `不应出现：该推荐的 track 只配 ${instead}` })
		.optional();

const award = z.object({ date: text, text, level: text }, expecting('对象 {date, text, level?}'));
const punishment = z.object({ date: text, text }, expecting('对象 {date, text}'));

/** 先进个人推荐审批表 (attachment 2) with the flags the rules need (SPEC §10). */
export const personSchema = z.object(
	{
		name: text,
		gender: text,
		ethnicity: text,
		birth: text,
		nativePlace: text,
		politicalStatus: text,
		party: text,
		education: text,
		phone: text,
		idType: text,
		idNumber: text,
		employer: text,
		/** 所在单位地址 (附件2 所在单位地址及邮编; added in v1, optional). */
		employerAddress: text,
		/** 所在单位邮编 (附件2; added in v1, optional). */
		employerPostcode: text,
		position: text,
		rank: text,
		municipalCadre: flag,
		unitNature: text,
		enterpriseHead: flag,
		stateOwned: flag,
		municipalOrganStaff: flag,
		grassrootsFrontline: flag,
		category: text,
		assessments: list(
			z.object(
				{ year: z.number(expecting('年份（整数）')).int(expecting('年份（整数）')), result: text },
				expecting('对象 {year, result}')
			)
		),
		liaisonYears: optionalNumber,
		inPost: optionalFlag,
		resume: list(z.object({ from: text, to: text, text }, expecting('对象 {from, to, text}'))),
		awards: list(award),
		punishments: list(punishment),
		deeds: text,
		photo: text
	},
	expecting('对象（先进个人推荐审批表）')
);

/** 先进集体推荐审批表 (attachment 1), SPEC §10. */
export const collectiveSchema = z.object(
	{
		name: text,
		category: text,
		level: text,
		memberCount: optionalNumber,
		leader: text,
		leaderPosition: text,
		address: text,
		postcode: text,
		municipalOrganBody: flag,
		awards: list(award),
		punishments: list(punishment),
		deeds: text
	},
	expecting('对象（先进集体推荐审批表）')
);

/** 优秀建议推荐审批表 (attachment 3), SPEC §10. */
export const suggestionSchema = z.object(
	{
		leadDeputy: text,
		liaisonGroup: text,
		number: text,
		title: text,
		summary: text,
		reason: text,
		delegation: flag,
		/** 本届获得过市人大常委会通报表扬 (通知二(三)④): 可优先推荐; absent = unknown. */
		commendedBefore: optionalFlag
	},
	expecting('对象（优秀建议推荐审批表）')
);
