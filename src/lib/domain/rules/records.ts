/**
 * Awards and punishments against the record window (市五届人大以来, from 2018-01-01):
 * DISCIPLINE-RECORD (通知二(一)、二(二)), RECORD-BEFORE-WINDOW (附件1填表说明五、附件2填表说明七)
 * and PRIORITY-HONOUR (通知二(二)1④).
 */
import type { CampaignParameters } from '../campaign';
import { isBeforeDate, parseLooseDate } from '../dates';
import { isBlank } from '../text';
import { issue, type Issue } from './finding';

/** An award or punishment line of a form. */
export interface RecordLine {
	date: string;
	text: string;
}

/** The form a record list is on: decides the field prefix and the clauses cited. */
export interface RecordContext {
	/** `person` or `collective`. */
	form: 'person' | 'collective';
	/** The notice clause that asks for a clean record, e.g. 通知二(二)1③. */
	disciplineClause: string;
}

const windowText = (params: CampaignParameters) => {
	const [year, month, day] = params.recordWindowStart.split('-').map(Number);
	return `${year}年${month}月${day}日`;
};

/**
 * DISCIPLINE-RECORD: a punishment on or after the window start is disqualifying. A punishment
 * whose date cannot be read is treated as inside the window — the unit must date it.
 * RECORD-BEFORE-WINDOW: one before the window should not be listed at all.
 */
export function checkPunishments(
	punishments: readonly RecordLine[],
	context: RecordContext,
	params: CampaignParameters
): Issue[] {
	const issues: Issue[] = [];
	const note = context.form === 'person' ? '附件2填表说明七' : '附件1填表说明五';
	punishments.forEach((line, index) => {
		if (isBlank(line.date) && isBlank(line.text)) return;
		const field = `${context.form}.punishments[${index}]`;
		const date = parseLooseDate(line.date);
		if (date && isBeforeDate(date, params.recordWindowStart)) {
			issues.push(
				issue(
					'RECORD-BEFORE-WINDOW',
					field,
					`处分“${line.text.trim()}”（${line.date.trim()}）早于${windowText(params)}，审批表只填写${windowText(params)}以来的奖励和处分（${note}）。请删除此条。`
				)
			);
			return;
		}
		const when = date
			? `${line.date.trim()}受过处分`
			: `处分日期“${line.date.trim()}”无法识别，按市五届人大以来处理`;
		issues.push(
			issue(
				'DISCIPLINE-RECORD',
				field,
				`${when}：“${line.text.trim()}”。市五届人大以来有违纪违法问题的不能推荐（${context.disciplineClause}）。请更换推荐对象${date ? '' : '，或按 YYYY.MM 填写处分日期'}。`
			)
		);
	});
	return issues;
}

/** RECORD-BEFORE-WINDOW for awards: only awards since the window start belong on the form. */
export function checkAwards(
	awards: readonly RecordLine[],
	context: RecordContext,
	params: CampaignParameters
): Issue[] {
	const note = context.form === 'person' ? '附件2填表说明七' : '附件1填表说明五';
	const issues: Issue[] = [];
	awards.forEach((line, index) => {
		const date = parseLooseDate(line.date);
		if (!date || !isBeforeDate(date, params.recordWindowStart)) return;
		issues.push(
			issue(
				'RECORD-BEFORE-WINDOW',
				`${context.form}.awards[${index}]`,
				`奖励“${line.text.trim()}”（${line.date.trim()}）早于${windowText(params)}，审批表只填写${windowText(params)}以来获区县级以上奖励（${note}）。请删除此条。`
			)
		);
	});
	return issues;
}

/**
 * PRIORITY-HONOUR (info): a deputy commended by the municipal or a district standing committee
 * (an award naming 人大常委会) within the record window — “近几年” read as 市五届人大以来 —
 * may be given priority (通知二(二)1④). Reported once, for the first such award.
 */
export function checkPriorityHonour(
	awards: readonly RecordLine[],
	params: CampaignParameters
): Issue[] {
	const index = awards.findIndex((line) => {
		const date = parseLooseDate(line.date);
		return (
			date !== null &&
			!isBeforeDate(date, params.recordWindowStart) &&
			line.text.includes('人大常委会')
		);
	});
	const award = awards[index];
	if (!award) return [];
	return [
		issue(
			'PRIORITY-HONOUR',
			`person.awards[${index}]`,
			`${award.date.trim()}获“${award.text.trim()}”，近几年受过人大常委会表彰（表扬），可优先推荐（通知二(二)1④）。`
		)
	];
}

/** An award line with the optional level it was given at (SPEC §10 awards[].level). */
export interface LeveledRecordLine extends RecordLine {
	level?: string;
}

const BELOW_LEVEL = /^(?:乡镇|乡|镇|街道|村|社区)级?$/;
const BELOW_ISSUER =
	/(?:乡|镇|街道|村|社区)(?:党委|党工委|党总支|党支部|人民政府|政府|人大主席团|人大工委|办事处|居民委员会|村民委员会|居委会|村委会|委会|委员会)/;

/**
 * True when an award or punishment was given below 区县（自治县）级: its level says 乡镇、街道、
 * 村 or 社区, or — with no level — its text names such a body as the giver (镇人民政府,
 * 街道办事处, 村委会 …). 区县级 and above, and unknown givers, are not below.
 */
export function isBelowDistrictLevel(line: LeveledRecordLine): boolean {
	const level = (line.level ?? '').trim();
	if (level !== '') return BELOW_LEVEL.test(level);
	return BELOW_ISSUER.test(line.text);
}

/**
 * RECORD-BELOW-LEVEL (warning): 附件1填表说明五、附件2填表说明七：“何时受到何种奖励和处分，填写
 * 2018年1月1日以来获区县（自治县）级以上奖励和处分” — one given by a 乡镇、街道、村 or 社区 body
 * does not belong on the form.
 */
export function checkRecordLevels(
	records: { awards: readonly LeveledRecordLine[]; punishments: readonly LeveledRecordLine[] },
	context: RecordContext
): Issue[] {
	const note = context.form === 'person' ? '附件2填表说明七' : '附件1填表说明五';
	const issues: Issue[] = [];
	for (const [key, word] of [
		['awards', '奖励'],
		['punishments', '处分']
	] as const) {
		records[key].forEach((line, index) => {
			if (!isBelowDistrictLevel(line)) return;
			issues.push(
				issue(
					'RECORD-BELOW-LEVEL',
					`${context.form}.${key}[${index}]`,
					`${word}“${line.text.trim()}”由乡镇（街道）、村（社区）给予，低于区县（自治县）级。审批表只填写区县级以上${word}（${note}），请删除此条；如实为区县级以上，请填写“级别”。`
				)
			);
		});
	}
	return issues;
}

/**
 * PRIORITY-HONOUR (info) for a suggestion: 通知二(三)④：“本届获得过市人大常委会通报表扬的代表
 * 建议可优先推荐” — reported when the form says `commendedBefore`.
 */
export function checkSuggestionPriority(suggestion: { commendedBefore?: boolean }): Issue[] {
	if (suggestion.commendedBefore !== true) return [];
	return [
		issue(
			'PRIORITY-HONOUR',
			'suggestion.commendedBefore',
			'本建议本届获得过市人大常委会通报表扬，可优先推荐（通知二(三)④）。'
		)
	];
}
