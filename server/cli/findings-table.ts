/**
 * The readable Chinese report of `validate`: findings grouped by recommending unit. Names, refs,
 * titles and messages come from the file and are printed through terminalText.
 */
import type { InterchangeDocument, Nomination, UnitKind } from '../../src/lib/domain/interchange';
import { nominationTitle } from '../../src/lib/domain/candidate-facts';
import { fieldLabel } from '../../src/lib/domain/field-labels';
import { countBySeverity, type Finding } from '../../src/lib/domain/rules/finding';
import { severityLabels } from '../../src/lib/labels';
import { terminalText } from './terminal-text';

const unitKindLabels: Record<UnitKind, string> = {
	liaison_group: '联系组',
	professional_group: '专业组',
	work_department: '市人大常委会工作部门',
	municipal_department: '市级有关部门'
};

/** Width in terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
	let width = 0;
	for (const char of text)
		width +=
			/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
				char
			)
				? 2
				: 1;
	return width;
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The nomination's name or title, cut to keep the report's columns narrow. */
function titleOf(nomination: Nomination): string {
	const title = nominationTitle(nomination);
	const chars = [...title];
	return chars.length > 12 ? `${chars.slice(0, 11).join('')}…` : title;
}

/**
 * One line per finding (who, severity, code, the field's Chinese name) and its message indented
 * below. Everything that can come from the file is printed through terminalText.
 */
function findingLines(rows: { who: string; finding: Finding }[]): string[] {
	const shown = rows.map(({ who, finding }) => ({ who: terminalText(who), finding }));
	const whoWidth = Math.max(0, ...shown.map((row) => displayWidth(row.who)));
	const codeWidth = Math.max(0, ...shown.map((row) => row.finding.code.length));
	return shown.flatMap(({ who, finding }) => [
		`  ${pad(who, whoWidth)}  ${pad(severityLabels[finding.severity] ?? finding.severity, 4)}  ${pad(finding.code, codeWidth)}  ${terminalText(fieldLabel(finding.field))}`,
		`      ${terminalText(finding.message)}`
	]);
}

/**
 * The report: for each unit in order of first appearance, its unit-level findings first, then
 * each nomination's; a unit without findings gets one line. Ends with counts by severity.
 */
export function formatFindingsReport(document: InterchangeDocument, findings: Finding[]): string {
	const unitOfRef = new Map<string, string>();
	for (const n of document.nominations)
		if (!unitOfRef.has(n.ref)) unitOfRef.set(n.ref, n.unit.name);
	const nominationOfRef = new Map(document.nominations.map((n) => [n.ref, n] as const));
	const units = new Map<string, { kind: UnitKind; count: number }>();
	for (const n of document.nominations) {
		const seen = units.get(n.unit.name);
		units.set(n.unit.name, { kind: n.unit.kind, count: (seen?.count ?? 0) + 1 });
	}
	const out: string[] = [];
	for (const [name, { kind, count }] of units) {
		const own = findings.filter((f) => f.code.startsWith('UNIT-') && f.ref === name);
		const ofNominations = findings.filter(
			(f) => !f.code.startsWith('UNIT-') && unitOfRef.get(f.ref) === name
		);
		const header = `${terminalText(name)}（${unitKindLabels[kind]}，${count} 项推荐）`;
		if (own.length + ofNominations.length === 0) {
			out.push(`${header}：未发现问题`, '');
			continue;
		}
		const rows = [
			...own.map((finding) => ({ who: '［本单位］', finding })),
			...ofNominations.map((finding) => {
				const nomination = nominationOfRef.get(finding.ref);
				return { who: `${finding.ref} ${nomination ? titleOf(nomination) : ''}`.trim(), finding };
			})
		];
		out.push(header, ...findingLines(rows), '');
	}
	const counts = countBySeverity(findings);
	out.push(
		`共 ${document.nominations.length} 项推荐、${units.size} 个推荐单位：` +
			`${counts.error} 个错误，${counts.warning} 个提醒，${counts.info} 个提示。` +
			(counts.error > 0 ? '有错误的推荐须改正后才能进入初审。' : '')
	);
	return out.join('\n') + '\n';
}
