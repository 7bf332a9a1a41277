/**
 * Intake of uploaded files (SPEC §8): a filled template (.xlsx), approval forms (.docx, one
 * candidate a file) or a `shortlist/v1` file (.json) become one interchange document. The preview
 * says what an import would do — nominations per track, every finding as it would stand after the
 * import, what could not be read — and writes nothing; confirming reads the same files again
 * (never a payload the browser could edit) and imports them all or nothing through
 * importNominations. A unit account may only bring in its own unit's nominations.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { trackLabels, type CampaignParameters, type NominationTrack } from '../../domain/campaign';
import { nominationTitle } from '../../domain/candidate-facts';
import { fieldLabel } from '../../domain/field-labels';
import {
	parseInterchange,
	parseInterchangeJson,
	type InterchangeDocument,
	type Nomination,
	type UnitKind
} from '../../domain/interchange';
import { nominationSchema } from '../../domain/interchange-schema';
import { printedUnitName, unitsPrinting } from '../../domain/recommending-unit';
import type { Finding } from '../../domain/rules/finding';
import type { Actor } from '../../permissions';
import type { Db } from '../db';
import { campaign, candidate, unit, unitRegister } from '../db/schema';
import { naturalKeyOf } from '../import/candidate-row';
import {
	campaignFindings,
	findingForViewer,
	recordedConsultations,
	withRecorded
} from '../import/findings';
import { importNominations, type ImportSummary } from '../import/nominations';
import { importProblems } from '../import/preflight';
import { draftToNomination, type Draft } from './draft';
import { readApprovalFormDocx } from './read-docx';
import { readTemplateXlsx } from './read-xlsx';
import { IntakeRefusal } from './refusal';

/** One uploaded file. */
export interface UploadFile {
	name: string;
	bytes: Uint8Array;
}

/** Largest single file, and largest upload in all. */
export const maxFileBytes = 20 * 1024 * 1024;
export const maxUploadBytes = 60 * 1024 * 1024;
/** Most files in one upload (one approval form per candidate: a unit has a few dozen at most). */
export const maxFiles = 600;

/** Who uploads: their user id and name for the audit row, and their standing in the campaign. */
export interface Uploader {
	id: number;
	name: string;
	access: Actor;
}

/** A finding of the preview, with the nomination (its name) or unit it concerns. */
export interface PreviewFinding extends Finding {
	subject: string;
}

/** What an import of the files would do. Nothing is written to produce it. */
export interface IntakePreview {
	/** Fingerprint of the files; confirming checks the same files come back. */
	digest: string;
	files: { name: string; nominations: number }[];
	tracks: { track: NominationTrack; label: string; names: string[] }[];
	total: number;
	created: number;
	updated: number;
	/** What could not be read (the field keeps its stored or empty value). */
	notes: string[];
	/** Why the files cannot be imported as they are (e.g. one nomination twice); empty when they can. */
	problems: string[];
	findings: PreviewFinding[];
	/** Unit-level findings (SPEC §4.2) of the units the files concern, as they would stand. */
	unitFindings: PreviewFinding[];
}

const oldFormats = /\.(xls|et|doc|wps|dps|ppt)$/i;

/** The kind of file by its name and first bytes; refuses old and unknown formats. */
function kindOf(file: UploadFile): 'xlsx' | 'docx' | 'json' {
	const name = file.name.toLowerCase();
	const ole =
		file.bytes[0] === 0xd0 &&
		file.bytes[1] === 0xcf &&
		file.bytes[2] === 0x11 &&
		file.bytes[3] === 0xe0;
	if (oldFormats.test(name) || ole)
		throw new IntakeRefusal(
			`“${file.name}”是旧版 Office/WPS 格式，无法读取。请另存为 .xlsx / .docx 后再上传。`
		);
	if (name.endsWith('.json')) return 'json';
	const zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
	if (name.endsWith('.xlsx') || name.endsWith('.docx')) {
		if (!zip)
			throw new IntakeRefusal(
				`“${file.name}”已损坏，或不是真正的 ${name.endsWith('.xlsx') ? '.xlsx 表格' : '.docx 文档'}（扩展名被改过）。请用 Office 或 WPS 打开后另存为 .xlsx / .docx 再上传。`
			);
		return name.endsWith('.xlsx') ? 'xlsx' : 'docx';
	}
	throw new IntakeRefusal(
		`“${file.name}”的格式不能导入。请上传导入模板（.xlsx）、审批表（.docx）或交换文件（.json）。`
	);
}

function checkSizes(files: readonly UploadFile[]): void {
	if (files.length === 0) throw new IntakeRefusal('请先选择要导入的文件。');
	if (files.length > maxFiles)
		throw new IntakeRefusal(
			`一次最多上传 ${maxFiles} 个文件，现为 ${files.length} 个。请分批上传。`
		);
	const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
	for (const file of files) {
		if (file.bytes.length === 0) throw new IntakeRefusal(`“${file.name}”是空文件。`);
		if (file.bytes.length > maxFileBytes)
			throw new IntakeRefusal(
				`“${file.name}”有 ${mb(file.bytes.length)}，超过单个文件 ${mb(maxFileBytes)} 的上限。审批表的照片请压缩后再放入，名单请拆分上传。`
			);
	}
	const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
	if (total > maxUploadBytes)
		throw new IntakeRefusal(
			`本次上传共 ${mb(total)}，超过 ${mb(maxUploadBytes)} 的上限。请分批上传。`
		);
}

/** The fingerprint of an upload: names and contents, in order. */
export function uploadDigest(files: readonly UploadFile[]): string {
	const hash = createHash('sha256');
	for (const file of files) {
		hash.update(`${file.name}\u0000${file.bytes.length}\u0000`);
		hash.update(file.bytes);
	}
	return hash.digest('hex');
}

/** The campaign's stored nominations (a unit account: its own), with their consultations as recorded. */
async function storedState(db: Db, campaignId: number) {
	const [owner] = await db
		.select({ parameters: campaign.parameters })
		.from(campaign)
		.where(eq(campaign.id, campaignId));
	if (!owner) throw new IntakeRefusal('找不到这个评选活动。');
	const rows = await db
		.select({ id: candidate.id, form: candidate.form, unitName: unit.name, unitKind: unit.kind })
		.from(candidate)
		.innerJoin(unit, eq(candidate.unitId, unit.id))
		.where(eq(candidate.campaignId, campaignId))
		.orderBy(candidate.id);
	const recorded = await recordedConsultations(db, campaignId);
	const units = await db
		.select({
			id: unit.id,
			name: unit.name,
			kind: unit.kind,
			reportingBody: unitRegister.reportingBody
		})
		.from(unit)
		.leftJoin(unitRegister, eq(unitRegister.unitId, unit.id))
		.where(eq(unit.campaignId, campaignId));
	return { parameters: owner.parameters, rows, recorded, units };
}

const identity = (unitName: string, nomination: Nomination) =>
	`${unitName}\u0000${nomination.track}\u0000${naturalKeyOf(nomination)}`;

/** A unit's kind guessed from its name when it is not on the register (通知一(三)). */
function guessKind(name: string): UnitKind {
	if (/联系组$/.test(name)) return 'liaison_group';
	if (/专业组$/.test(name)) return 'professional_group';
	if (/^重庆市人大常委会|^市人大常委会/.test(name)) return 'work_department';
	return 'municipal_department';
}

/** The unit a docx names in its file name (「…审批表－名称－推荐单位.docx」). */
function unitFromFileName(source: string): string | undefined {
	return /－([^－]+?)(?:（\d+）)?\.docx”$/i.exec(source)?.[1];
}

interface Parsed {
	document: InterchangeDocument;
	sources: string[];
	notes: string[];
	files: { name: string; nominations: number }[];
}

/** Reads every file into one document, resolving units and stored fields; throws IntakeRefusal. */
async function parseUpload(
	files: readonly UploadFile[],
	uploader: Uploader,
	state: Awaited<ReturnType<typeof storedState>>
): Promise<Parsed> {
	checkSizes(files);
	const own =
		uploader.access.role === 'unit'
			? state.units.find((u) => u.id === uploader.access.unitId)
			: undefined;
	if (uploader.access.role === 'unit' && !own)
		throw new IntakeRefusal('您的账号没有关联推荐单位，请联系秘书处。');
	const kindByName = new Map(state.units.map((u) => [u.name, u.kind]));
	const storedByKey = new Map(state.rows.map((row) => [identity(row.unitName, row.form), row]));
	const notes: string[] = [];
	const raw: unknown[] = [];
	const sources: string[] = [];
	const counts: Parsed['files'] = [];
	const refusals: string[] = [];

	const unitOf = (named: string | undefined, source: string) => {
		if (own) {
			// Its forms may name it by the 推荐单位 they print (a 联系组: its 区县人大常委会).
			const printed = printedUnitName(own);
			if (named && named !== own.name && named !== printed)
				refusals.push(
					`${source}：推荐单位“${named}”不是本单位（${own.name}）${printed === own.name ? '' : `，本单位审批表上的推荐单位为“${printed}”`}。单位账号只能导入本单位的推荐，请删除或改正这一项。`
				);
			return { unitName: own.name, unitKind: own.kind };
		}
		if (!named) {
			refusals.push(`${source}：未填写推荐单位。请填写推荐单位全称后再上传。`);
			return { unitName: '', unitKind: 'municipal_department' as UnitKind };
		}
		return { unitName: named, unitKind: kindByName.get(named) ?? guessKind(named) };
	};

	/**
	 * The unit a form or template row names by its 推荐单位: the unit of that name, or the one
	 * registered unit whose forms print it (`unitsPrinting`). Where several answer to it, the one
	 * already holding this nomination; else the unit of that very name; else it is refused.
	 */
	const unitOfForm = (draft: Draft, named: string | undefined) => {
		if (own || !named) return unitOf(named, draft.source);
		const units = unitsPrinting(named, state.units);
		if (units.length <= 1) return unitOf(units[0]?.name ?? named, draft.source);
		const defaults = { unitName: named, unitKind: 'municipal_department' as UnitKind };
		const alone = nominationSchema.safeParse(draftToNomination(draft, undefined, defaults));
		const holders = alone.success
			? units.filter((u) => storedByKey.has(identity(u.name, alone.data)))
			: [];
		if (holders.length === 1) return unitOf(holders[0]!.name, draft.source);
		if (units[0]!.name === named.trim()) return unitOf(units[0]!.name, draft.source);
		refusals.push(
			`${draft.source}：推荐单位“${named}”是名册中${units.map((u) => `“${u.name}”`).join('、')}共同的推荐单位，无法确定是哪个单位的推荐。请把推荐单位改填为单位全称后重新上传。`
		);
		return defaults;
	};

	const fromDraft = (read: Draft) => {
		notes.push(...read.problems);
		const named =
			read.unitName ??
			(read.track === 'suggestion'
				? (read.section.liaisonGroup as string | undefined) || undefined
				: undefined) ??
			unitFromFileName(read.source);
		// The unit is the one its 推荐单位 names, not the text as read.
		const draft: Draft = { ...read, unitName: undefined };
		const defaults = unitOfForm(draft, named);
		const alone = nominationSchema.safeParse(draftToNomination(draft, undefined, defaults));
		const stored = alone.success
			? storedByKey.get(identity(defaults.unitName, alone.data))
			: undefined;
		raw.push(draftToNomination(draft, stored?.form, defaults));
		sources.push(draft.source);
	};

	for (const file of files) {
		const before = raw.length;
		const kind = kindOf(file);
		if (kind === 'json') {
			const parsed = parseInterchangeJson(Buffer.from(file.bytes).toString('utf8'));
			if (!parsed.ok)
				throw new IntakeRefusal(
					`“${file.name}”不是有效的交换文件（shortlist/v1）：${parsed.errors
						.slice(0, 10)
						.map((e) => `${e.path || '文件'} ${e.expected}`)
						.join('；')}`
				);
			parsed.document.nominations.forEach((nomination, index) => {
				const source = `“${file.name}”第${index + 1}项`;
				const { unitName, unitKind } = unitOf(nomination.unit.name || undefined, source);
				raw.push({
					...nomination,
					unit: { name: unitName, kind: own ? unitKind : nomination.unit.kind }
				});
				sources.push(source);
			});
		} else if (kind === 'xlsx') {
			const read = await readTemplateXlsx(file.bytes, file.name, state.parameters);
			notes.push(...read.notes);
			read.drafts.forEach(fromDraft);
		} else fromDraft(await readApprovalFormDocx(file.bytes, file.name));
		counts.push({ name: file.name, nominations: raw.length - before });
	}
	if (refusals.length > 0) throw new IntakeRefusal(refusals.join('\n'));
	if (raw.length === 0) throw new IntakeRefusal('文件中没有可导入的推荐（表格没有填写任何一行）。');
	const parsed = parseInterchange({ format: 'shortlist/v1', nominations: raw });
	if (!parsed.ok) {
		const where = (path: string) => {
			const index = /^nominations\[(\d+)\]\.?(.*)$/.exec(path);
			return index ? `${sources[Number(index[1])]} ${fieldLabel(index[2] ?? '')}` : path;
		};
		throw new IntakeRefusal(
			parsed.errors
				.slice(0, 20)
				.map((e) => `${where(e.path)}：${e.expected}`)
				.join('\n')
		);
	}
	return { document: parsed.document, sources, notes, files: counts };
}

/** Findings of the campaign as they would stand with `document` imported, for the uploaded part. */
function previewFindings(
	document: InterchangeDocument,
	state: Awaited<ReturnType<typeof storedState>>,
	viewer: Actor,
	parameters: CampaignParameters
): { findings: PreviewFinding[]; unitFindings: PreviewFinding[]; created: number } {
	const recorded = state.recorded;
	const all = state.rows.map((row) => withRecorded(row.form, recorded.get(row.id) ?? []));
	const indexByKey = new Map(state.rows.map((row, i) => [identity(row.unitName, row.form), i]));
	const uploaded: number[] = [];
	let created = 0;
	for (const nomination of document.nominations) {
		const at = indexByKey.get(identity(nomination.unit.name, nomination));
		const inFile = new Set(nomination.consultations.map((c) => c.dept.trim()));
		const kept = at === undefined ? [] : (recorded.get(state.rows[at]!.id) ?? []);
		const merged = withRecorded(
			nomination,
			kept.filter((r) => !inFile.has(r.dept))
		);
		if (at === undefined) {
			created += 1;
			uploaded.push(all.push(merged) - 1);
		} else {
			all[at] = merged;
			uploaded.push(at);
		}
	}
	const found = campaignFindings(all, parameters);
	const shown = (item: Finding, subject: string): PreviewFinding => ({
		...findingForViewer(viewer, item),
		subject
	});
	const findings = uploaded.flatMap((index) =>
		(found.byNomination[index] ?? []).map((item) => shown(item, nominationTitle(all[index]!)))
	);
	const units = new Set(document.nominations.map((n) => n.unit.name));
	const unitFindings = [...units].flatMap((name) =>
		(found.byUnit.get(name) ?? []).map((item) => shown(item, name))
	);
	return { findings, unitFindings, created };
}

/**
 * What importing `files` would do, without writing anything. Throws IntakeRefusal (a Chinese
 * message naming the file and the fix) when a file cannot be read at all.
 */
export async function previewUpload(
	db: Db,
	campaignId: number,
	uploader: Uploader,
	files: readonly UploadFile[]
): Promise<IntakePreview> {
	const state = await storedState(db, campaignId);
	const parsed = await parseUpload(files, uploader, state);
	const { findings, unitFindings, created } = previewFindings(
		parsed.document,
		state,
		uploader.access,
		state.parameters
	);
	const byTrack = new Map<NominationTrack, string[]>();
	for (const nomination of parsed.document.nominations) {
		const names = byTrack.get(nomination.track) ?? [];
		names.push(nominationTitle(nomination) || `（未填写名称：${nomination.ref}）`);
		byTrack.set(nomination.track, names);
	}
	return {
		digest: uploadDigest(files),
		files: parsed.files,
		tracks: [...byTrack].map(([track, names]) => ({ track, label: trackLabels[track], names })),
		total: parsed.document.nominations.length,
		created,
		updated: parsed.document.nominations.length - created,
		notes: parsed.notes,
		problems: importProblems(parsed.document).map((problem) =>
			problem.replace(/nominations\[(\d+)\]/g, (_, i: string) => parsed.sources[Number(i)] ?? '')
		),
		findings,
		unitFindings
	};
}

/**
 * Imports `files` as previewed: read again, checked against the preview's `digest` (other files
 * are refused, nothing written), then imported all or nothing. Throws IntakeRefusal, or
 * ImportRefusedError for the problems the preview listed.
 */
export async function confirmUpload(
	db: Db,
	campaignId: number,
	uploader: Uploader,
	files: readonly UploadFile[],
	digest: string
): Promise<ImportSummary & { nominations: number }> {
	if (uploadDigest(files) !== digest)
		throw new IntakeRefusal('上传的文件与预览时不同。请重新选择文件并预览，核对后再确认导入。');
	const state = await storedState(db, campaignId);
	const parsed = await parseUpload(files, uploader, state);
	// importNominations refuses (ImportRefusedError, nothing written) what the preview listed as problems.
	const summary = await importNominations(db, campaignId, parsed.document, {
		id: uploader.id,
		name: uploader.name,
		access: uploader.access
	});
	return { ...summary, nominations: parsed.document.nominations.length };
}
