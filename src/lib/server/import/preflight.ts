/**
 * Checks a document must pass before anything is written: problems the database would refuse
 * with a cryptic message, or that would silently merge two nominations into one candidate.
 */
import type { InterchangeDocument } from '../../domain/interchange';
import { trackLabels } from '../../domain/campaign';
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
 * Problems that make a document unimportable: the same nomination (unit, track and identity)
 * twice in one file — re-import would not know which one to keep — and text containing the NUL
 * character, which PostgreSQL cannot store. Empty when the document can be imported.
 */
export function importProblems(document: InterchangeDocument): string[] {
	const problems: string[] = [];
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
export function assertImportable(document: InterchangeDocument): void {
	const problems = importProblems(document);
	if (problems.length > 0) throw new ImportRefusedError(problems);
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
