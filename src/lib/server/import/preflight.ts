/**
 * Checks a document must pass before anything is written: problems the database would refuse
 * with a cryptic message, or that would silently merge two nominations into one candidate.
 */
import { trackLabels, type Track } from '../../domain/campaign';
import { isStation } from '../../domain/candidate-facts';
import { formatPath, type InterchangeDocument, type Nomination } from '../../domain/interchange';
import { capExcesses } from '../../domain/interchange-caps';
import { listStages, stageLabels } from '../../domain/stages';
import { naturalKeyOf } from './candidate-row';

/** An import refused before writing; each problem says in Chinese what to fix. */
export class ImportRefusedError extends Error {
	constructor(readonly problems: string[]) {
		super(`导入被拒绝，未写入任何数据：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ImportRefusedError';
	}
}

const identityLabels = {
	individual: '身份证号（无身份证号时为姓名和出生年月）',
	collective: '集体名称',
	suggestion: '建议编号（无编号时为建议题目）'
} as const;

/**
 * How a document is taken in: `import` stores nominations and leaves the board as it is (a file
 * with stages is refused: only a restore may set them); `restore` also puts each candidate back
 * where the backup's `board` block says it stood.
 */
export type ImportMode = 'import' | 'restore';

/**
 * Problems that make a document unimportable: the same nomination (unit, track and identity)
 * twice in one file — re-import would not know which one to keep —, text containing the NUL
 * character, which PostgreSQL cannot store, a field over its import cap (interchange-caps.ts:
 * documents built in code skip the schema that checks them), and stages the mode may not set or
 * a backup holds inconsistently. Empty when the document can be imported.
 */
export function importProblems(
	document: InterchangeDocument,
	mode: ImportMode = 'import'
): string[] {
	const overCaps = document.nominations.flatMap((nomination, index) =>
		capExcesses(nomination).map(
			(excess) => `${formatPath(['nominations', index, ...excess.path])}：${excess.message}`
		)
	);
	// Refused anyway: the checks below would read every character of a 50 MB text.
	if (overCaps.length > 0) return overCaps;
	const problems = boardProblems(document.nominations, mode);
	const firstByIdentity = new Map<string, number>();
	document.nominations.forEach((nomination, index) => {
		const identity = `${nomination.unit.name}\u0000${nomination.track}\u0000${naturalKeyOf(nomination)}`;
		const first = firstByIdentity.get(identity);
		if (first === undefined) {
			firstByIdentity.set(identity, index);
			return;
		}
		const earlier = document.nominations[first]!;
		problems.push(
			`nominations[${first}]（ref ${earlier.ref}）与 nominations[${index}]（ref ${nomination.ref}）是同一推荐对象：` +
				`推荐单位“${nomination.unit.name}”、类别“${trackLabels[nomination.track]}”和${identityLabels[nomination.track]}都相同。请删除重复的一条，或改正其中填错的${identityLabels[nomination.track]}。`
		);
	});
	for (const path of nulPaths(document.nominations, 'nominations')) {
		problems.push(`${path} 含有空字符（\\u0000），数据库无法保存：请删除该字符。`);
	}
	return problems;
}

/** Throws ImportRefusedError when `importProblems` finds anything. */
export function assertImportable(document: InterchangeDocument, mode: ImportMode = 'import'): void {
	const problems = importProblems(document, mode);
	if (problems.length > 0) throw new ImportRefusedError(problems);
}

/** The tracks a nomination may hold a place of: its own, or 通报表扬 too for a 代表家站. */
function placesOf(nomination: Nomination): Track[] {
	return isStation(nomination) ? ['collective', 'station'] : [nomination.track];
}

/**
 * Stages in an ordinary import are refused, naming the fix (issue 7, finding 10): dropped
 * silently, a restored board would look emptied; imported, they would bypass every gate. In a
 * restore, a candidate on the proposed list (拟表彰 … 表彰) must hold a place of a track it can
 * take — the quota check counts places — and one off the list holds none.
 */
function boardProblems(nominations: readonly Nomination[], mode: ImportMode): string[] {
	const withBoard = nominations.filter((nomination) => nomination.board);
	if (withBoard.length === 0) return [];
	if (mode === 'import') {
		return [
			`文件中有 ${withBoard.length} 项推荐带有看板状态（board，如推荐编号 ${withBoard[0]!.ref}），这是评选活动的备份。` +
				'普通导入不能设置看板阶段：恢复备份须由系统管理员或秘书处明确执行“恢复备份”（命令行 import --restore）；' +
				'若只导入推荐材料，请删除各项的 board 后再导入。'
		];
	}
	const problems: string[] = [];
	nominations.forEach((nomination, index) => {
		const board = nomination.board;
		if (!board) return;
		const where = `nominations[${index}]（推荐编号 ${nomination.ref}）`;
		const onList = listStages.includes(board.stage);
		const places = placesOf(nomination);
		if (onList && (board.proposedTrack === null || !places.includes(board.proposedTrack))) {
			problems.push(
				`${where} 处于“${stageLabels[board.stage]}”，其 board.proposedTrack 应为 ${places.join(' 或 ')}（${places.map((t) => trackLabels[t]).join('或')}），现为 ${board.proposedTrack ?? '空'}：备份文件不完整或被改动过，请使用原始备份。`
			);
		} else if (!onList && board.proposedTrack !== null) {
			problems.push(
				`${where} 处于“${stageLabels[board.stage]}”，不占名额，board.proposedTrack 应为空：备份文件不完整或被改动过，请使用原始备份。`
			);
		}
	});
	return problems;
}

/** JSON paths of the strings (values or keys) under `value` that contain U+0000. */
function nulPaths(value: unknown, path: string): string[] {
	if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
	if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, `${path}[${i}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) =>
			key.includes('\u0000') ? [`${path}.${key}`] : nulPaths(item, `${path}.${key}`)
		);
	}
	return [];
}
