/**
 * Formats the approval forms prescribe (attachments 1–3): ID-INVALID, BIRTH-FORMAT,
 * NATIVE-PLACE-FORMAT, RESUME-GAP, RESUME-OVERLAP, TEXT-TOO-LONG, SUGGESTION-NUMBER-FORMAT, PHOTO-MISSING.
 * Empty fields are left to REQUIRED-MISSING (form-fields.ts) and are not judged here.
 */
import type { CampaignParameters } from '../campaign';
import { parseYearMonth, yearMonthOf } from '../dates';
import { checkIdNumber, idProblemMessages } from '../id-number';
import type { PersonForm, SuggestionForm } from '../interchange';
import { checkResume } from '../resume';
import { parseSuggestionNumber } from '../suggestion-number';
import { isBlank, textLength } from '../text';
import { issue, type Issue } from './finding';

/** ID-INVALID: a 居民身份证 number must pass GB 11643 and agree with 出生年月 (附件2). */
export function checkIdNumberField(person: PersonForm): Issue[] {
	if (!/^(居民)?身份证$/.test(person.idType.trim()) || isBlank(person.idNumber)) return [];
	const problem = checkIdNumber(person.idNumber, parseYearMonth(person.birth));
	if (problem === 'ok') return [];
	return [
		issue(
			'ID-INVALID',
			'person.idNumber',
			`居民身份证号码有误：${idProblemMessages[problem]}（附件2“证件号码”；GB 11643）。请对照证件重新填写。`
		)
	];
}

/** BIRTH-FORMAT: 出生年月 is written YYYY.MM (附件2填表说明五), e.g. 1972.08, with a plausible year. */
export function checkBirth(person: PersonForm, params: CampaignParameters): Issue[] {
	if (isBlank(person.birth)) return [];
	const birth = parseYearMonth(person.birth);
	const lastYear = Number(params.asOfDate.slice(0, 4));
	if (birth && birth.year >= 1900 && birth.year <= lastYear) return [];
	return [
		issue(
			'BIRTH-FORMAT',
			'person.birth',
			`出生年月“${person.birth.trim()}”格式不对，应写作 YYYY.MM，如 1972.08（附件2填表说明五）。`
		)
	];
}

const PROVINCE = '(?:[\\u4e00-\\u9fa5]{2,}?(?:省|自治区|特别行政区)|北京市|天津市|上海市|重庆市)';
const PLACE = '[\\u4e00-\\u9fa5]+?(?:市|区|县|旗|州|盟|地区)';
const NATIVE_PLACE = new RegExp(`^${PROVINCE}${PLACE}$`);

/**
 * NATIVE-PLACE-FORMAT (warning): 籍贯 is XX省（自治区、直辖市）XX市（区、县）(附件2填表说明五),
 * e.g. 重庆市北碚区, 四川省南充市, 广西壮族自治区桂林市. 自治县、旗、州、盟 are accepted.
 */
export function checkNativePlace(person: PersonForm): Issue[] {
	const value = person.nativePlace.trim();
	if (value === '' || NATIVE_PLACE.test(value)) return [];
	return [
		issue(
			'NATIVE-PLACE-FORMAT',
			'person.nativePlace',
			`籍贯“${value}”格式不对，应写作 XX省（自治区、直辖市）XX市（区、县），如 重庆市北碚区、四川省南充市（附件2填表说明五）。`
		)
	];
}

/**
 * RESUME-GAP (error) and RESUME-OVERLAP (warning) on 个人简历 — 附件2填表说明六：“工作简历从大中专
 * 院校毕业或参加工作填起，精确到月，不得断档。” Gaps are judged on the union of the periods, so
 * a concurrent 在职学习 entry never makes a gap; it only shows as an overlap worth a look.
 */
export function checkResumeField(person: PersonForm, params: CampaignParameters): Issue[] {
	return checkResume(person.resume, yearMonthOf(params.asOfDate)).map((problem) =>
		problem.kind === 'overlap'
			? issue(
					'RESUME-OVERLAP',
					`person.resume[${problem.index}]`,
					`个人简历：${problem.message}。如为在职学习、兼职等同时进行的经历可保留；否则请更正起止时间（附件2填表说明六）。`
				)
			: issue(
					'RESUME-GAP',
					`person.resume[${problem.index}]`,
					`个人简历：${problem.message}。简历应精确到月、前后衔接、不得断档（附件2填表说明六）。请补全或更正起止时间。`
				)
	);
}

/** TEXT-TOO-LONG for one text field: `limit` characters (code points) at most. */
export function checkTextLength(
	field: string,
	label: string,
	text: string,
	limit: number,
	note: string
): Issue[] {
	const length = textLength(text);
	if (length <= limit) return [];
	return [
		issue(
			'TEXT-TOO-LONG',
			field,
			`${label}共 ${length} 字，超过 ${limit} 字的上限（${note}：${limit}字以内）。请至少删减 ${length - limit} 字。`
		)
	];
}

/** TEXT-TOO-LONG for a suggestion: 内容摘要 ≤ 200, 推荐理由 ≤ 500 (附件3). */
export function checkSuggestionTexts(
	suggestion: SuggestionForm,
	params: CampaignParameters
): Issue[] {
	return [
		...checkTextLength(
			'suggestion.summary',
			'建议内容摘要',
			suggestion.summary,
			params.textLimits.summary,
			'附件3'
		),
		...checkTextLength(
			'suggestion.reason',
			'推荐理由',
			suggestion.reason,
			params.textLimits.reason,
			'附件3'
		)
	];
}

/**
 * SUGGESTION-NUMBER-FORMAT: 附件3“建议编号”：“市五届人大X次会议XX号或市五届人大X次会议闭会XX号”;
 * the session X must also have been held by the as-of date (the campaign's `sessionsHeld`, 5 for
 * the preset: 市五届人大一次 … 五次会议). Unknown `sessionsHeld` checks the format only.
 */
export function checkSuggestionNumberField(
	suggestion: SuggestionForm,
	params: Pick<CampaignParameters, 'sessionsHeld' | 'asOfDate'>
): Issue[] {
	if (isBlank(suggestion.number)) return [];
	const parsed = parseSuggestionNumber(suggestion.number);
	const held = params.sessionsHeld;
	if (parsed && (held === undefined || parsed.session <= held)) return [];
	const value = suggestion.number.trim();
	const message = parsed
		? `建议编号“${value}”的会议届次有误：截至 ${params.asOfDate} 市五届人大只召开了 ${held} 次会议，没有第 ${parsed.session} 次会议。请对照建议原件更正编号（附件3）。`
		: `建议编号“${value}”格式不对，应写作“市五届人大X次会议XX号”或“市五届人大X次会议闭会XX号”，如 市五届人大三次会议0418号（附件3）。`;
	return [issue('SUGGESTION-NUMBER-FORMAT', 'suggestion.number', message)];
}

/** PHOTO-MISSING (warning): an individual needs a recent 2-inch colour photo as an image (附件2填表说明四). */
export function checkPhoto(person: PersonForm): Issue[] {
	if (/^data:image\/[a-z+.-]+;base64,[A-Za-z0-9+/=\s]+$/i.test(person.photo.trim())) return [];
	const what = isBlank(person.photo)
		? '缺少照片'
		: '照片不是有效的图片数据（应为 data:image/… 格式）';
	return [
		issue(
			'PHOTO-MISSING',
			'person.photo',
			`${what}。请插入近期2寸正面半身免冠彩色证件照，蓝色背景、无边框（附件2填表说明四）。`
		)
	];
}
