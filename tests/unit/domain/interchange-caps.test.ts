/**
 * Import caps (issue 7, finding 4): every text and list of a nomination has a hard cap far above
 * the notice's limits; exactly the cap parses, one more is refused with a message naming the
 * nomination, the field in Chinese and the cap; between the notice's limit and the cap the text
 * still parses and is a TEXT-TOO-LONG finding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseInterchange, validateDocument } from '$lib/domain';
import {
	LIST_CAP,
	listCaps,
	overCap,
	SHORT_TEXT_CAP,
	textCaps,
	textLimitCaps
} from '$lib/domain/interchange-caps';

const sampleText = readFileSync(
	new URL('../../../../shared/examples/sample.json', import.meta.url),
	'utf8'
);
type Json = Record<string, unknown>;
const sample = () => JSON.parse(sampleText) as { nominations: Json[]; [key: string]: unknown };

/** Sample nominations by track: EX-1 individual, EX-3 collective (a station), EX-4 suggestion. */
const indexOf = { person: 0, collective: 2, suggestion: 3 } as const;

/** Sets `value` at a path like `person.resume[0].text` inside nomination `index` of a sample. */
function sampleWith(index: number, path: string, value: unknown) {
	const document = sample();
	const keys = path.split(/\.|\[|\]\.?/).filter(Boolean);
	let target: Json = document.nominations[index]!;
	keys.slice(0, -1).forEach((key, i) => {
		target = (target[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Json;
	});
	target[keys.at(-1)!] = value;
	return document;
}

const ref = (index: number) => String(sample().nominations[index]!.ref);

/** A text of exactly `length` characters, half of them outside the BMP (counted once each). */
const textOf = (length: number) =>
	'𠀀'.repeat(Math.floor(length / 2)) + '字'.repeat(length - Math.floor(length / 2));

const textCases = [
	{ field: 'person.deeds', index: indexOf.person, cap: 20_000, label: '主要事迹' },
	{ field: 'collective.deeds', index: indexOf.collective, cap: 20_000, label: '主要事迹' },
	{ field: 'suggestion.summary', index: indexOf.suggestion, cap: 5_000, label: '建议内容摘要' },
	{ field: 'suggestion.reason', index: indexOf.suggestion, cap: 5_000, label: '推荐理由' },
	{ field: 'suggestion.title', index: indexOf.suggestion, cap: 500, label: '建议题目' },
	{ field: 'person.name', index: indexOf.person, cap: SHORT_TEXT_CAP, label: '姓名' },
	{ field: 'person.employer', index: indexOf.person, cap: SHORT_TEXT_CAP, label: '工作单位' },
	{
		field: 'collective.address',
		index: indexOf.collective,
		cap: SHORT_TEXT_CAP,
		label: '单位地址'
	},
	{ field: 'unit.name', index: indexOf.person, cap: SHORT_TEXT_CAP, label: '推荐单位' },
	{ field: 'ref', index: indexOf.person, cap: SHORT_TEXT_CAP, label: '推荐编号' },
	{ field: 'person.resume[0].text', index: indexOf.person, cap: 500, label: '个人简历第1条' },
	{ field: 'person.awards[0].text', index: indexOf.person, cap: 500, label: '奖励第1条' },
	{
		field: 'consultations[0].note',
		index: indexOf.person,
		cap: 2_000,
		label: '征求意见第1条（备注）'
	}
];

describe('text caps', () => {
	test('the table is the one the schema applies', () => {
		for (const { field, cap } of textCases) {
			const pattern = field.replace(/\[\d+\]/g, '[]');
			expect(textCaps[pattern] ?? SHORT_TEXT_CAP).toBe(cap);
		}
	});

	test.each(textCases)('$field: exactly $cap characters parse', ({ field, index, cap }) => {
		const parsed = parseInterchange(sampleWith(index, field, textOf(cap)));
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	});

	test.each(textCases)(
		'$field: $cap + 1 is refused, naming the nomination, $label and the cap',
		({ field, index, cap, label }) => {
			const parsed = parseInterchange(sampleWith(index, field, textOf(cap + 1)));
			expect(parsed.ok).toBe(false);
			if (parsed.ok) return;
			expect(parsed.errors).toHaveLength(1);
			const [error] = parsed.errors;
			expect(error!.path).toBe(`nominations[${index}].${field}`);
			expect(error!.expected).toContain(`“${label}”超过导入上限 ${cap.toLocaleString('en-US')} 字`);
			expect(error!.expected).toContain(
				field === 'ref' ? '推荐编号 𠀀' : `推荐编号 ${ref(index)} `
			);
			expect(error!.expected).toContain('整份文件未导入');
		}
	);

	test('the notice’s limit is named for the fields it limits', () => {
		const parsed = parseInterchange(sampleWith(indexOf.person, 'person.deeds', textOf(20_001)));
		expect(parsed.ok ? '' : parsed.errors[0]!.expected).toContain('通知要求 2000 字以内');
	});

	const photoCap = textCaps['person.photo']!;
	test.each([
		{ length: photoCap, ok: true },
		{ length: photoCap + 1, ok: false }
	])('a photo data URL of $length characters: parses $ok', ({ length, ok }) => {
		const prefix = 'data:image/jpeg;base64,';
		const photo = prefix + 'A'.repeat(length - prefix.length);
		const parsed = parseInterchange(sampleWith(indexOf.person, 'person.photo', photo));
		expect(parsed.ok).toBe(ok);
		if (!parsed.ok)
			expect(parsed.errors[0]!.expected).toMatch(/“照片”约 2\.0 MB，超过导入上限 2 MB/);
	});
});

describe('between the notice’s limit and the cap: imported, with TEXT-TOO-LONG', () => {
	test.each([
		{ field: 'person.deeds', index: indexOf.person, length: 2_001 },
		{ field: 'person.deeds', index: indexOf.person, length: 20_000 },
		{ field: 'suggestion.summary', index: indexOf.suggestion, length: 5_000 },
		{ field: 'suggestion.reason', index: indexOf.suggestion, length: 501 }
	])('$field of $length characters', ({ field, index, length }) => {
		const parsed = parseInterchange(sampleWith(index, field, textOf(length)));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const findings = validateDocument(parsed.document).filter(
			(finding) => finding.code === 'TEXT-TOO-LONG' && finding.ref === ref(index)
		);
		expect(findings.map((finding) => finding.field)).toEqual([field]);
	});
});

describe('list caps', () => {
	const entries = {
		'person.resume': { from: '2000.01', to: '至今', text: '某单位职员' },
		'person.awards': { date: '2019.05', text: '区级表彰' },
		'person.punishments': { date: '2019.05', text: '警告' },
		'person.assessments': { year: 2019, result: '称职' },
		'collective.awards': { date: '2019.05', text: '区级表彰' },
		consultations: { dept: '公安', result: '无异议', date: '2022-10-20' }
	};
	const cases = Object.entries(entries).flatMap(([field, entry]) => {
		const cap = listCaps[field] ?? LIST_CAP;
		const index = field.startsWith('collective') ? indexOf.collective : indexOf.person;
		return [
			{ field, entry, index, length: cap, ok: true },
			{ field, entry, index, length: cap + 1, ok: false }
		];
	});
	test.each(cases)(
		'$field with $length entries: parses $ok',
		({ field, entry, index, length, ok }) => {
			const list = Array.from({ length }, () => ({ ...entry }));
			const parsed = parseInterchange(sampleWith(index, field, list));
			expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual(
				ok ? [] : [`nominations[${index}].${field}`]
			);
			if (!parsed.ok) expect(parsed.errors[0]!.expected).toMatch(`超过导入上限 ${length - 1} 条`);
		}
	);
});

describe('campaign block', () => {
	test.each([
		{ key: 'deeds', value: textLimitCaps.deeds, ok: true },
		{ key: 'deeds', value: textLimitCaps.deeds + 1, ok: false },
		{ key: 'summary', value: textLimitCaps.summary + 1, ok: false },
		{ key: 'reason', value: textLimitCaps.reason, ok: true }
	])('textLimits.$key = $value: parses $ok (no limit above the cap)', ({ key, value, ok }) => {
		const document = { ...sample(), campaign: { textLimits: { [key]: value } } };
		expect(parseInterchange(document).ok).toBe(ok);
	});

	test.each([
		{ length: SHORT_TEXT_CAP, ok: true },
		{ length: SHORT_TEXT_CAP + 1, ok: false }
	])('a campaign name of $length characters: parses $ok', ({ length, ok }) => {
		const document = { ...sample(), campaign: { name: '评'.repeat(length) } };
		expect(parseInterchange(document).ok).toBe(ok);
	});
});

describe('overCap', () => {
	test.each([
		{ text: '字'.repeat(10), cap: 10, over: null },
		{ text: '𠀀'.repeat(10), cap: 10, over: null },
		{ text: '字'.repeat(11), cap: 10, over: { length: 11, approximate: false } },
		{ text: '𠀀'.repeat(11), cap: 10, over: { length: 22, approximate: true } },
		{ text: '𠀀'.repeat(6) + '字'.repeat(5), cap: 10, over: { length: 11, approximate: false } }
	])('$text.length code units over $cap: $over', ({ text, cap, over }) => {
		expect(overCap(text, cap)).toEqual(over);
	});

	test('a 50 MB text is judged by its length alone, without reading it', () => {
		const huge = 'x'.repeat(50 * 1024 * 1024);
		expect(overCap(huge, 20_000)).toEqual({ length: huge.length, approximate: true });
	});
});

describe('what a page can be sent: the largest nomination the caps allow', () => {
	const templates: Record<string, Json> = {
		resume: { from: '', to: '', text: '' },
		awards: { date: '', text: '', level: '' },
		punishments: { date: '', text: '' },
		assessments: { year: 2019, result: '' },
		consultations: { dept: '', result: '', date: '', note: '' }
	};
	/** Every text at its cap (3-byte characters, the photo in ASCII) and every list at its cap. */
	function fill(value: unknown, path: string): unknown {
		if (typeof value === 'string') {
			const cap = textCaps[path] ?? SHORT_TEXT_CAP;
			return path === 'person.photo' ? 'A'.repeat(cap) : '字'.repeat(cap);
		}
		if (Array.isArray(value)) {
			const key = path.split('.').at(-1)!;
			const cap = listCaps[path] ?? LIST_CAP;
			return Array.from({ length: cap }, () => fill(templates[key] ?? {}, `${path}[]`));
		}
		if (value !== null && typeof value === 'object') {
			return Object.fromEntries(
				Object.entries(value).map(([key, item]) => [key, fill(item, path ? `${path}.${key}` : key)])
			);
		}
		return value;
	}
	/** Fields whose values are not free text (a list member, a date, the track). */
	const fixed = ['track', 'unit', 'submittedAt', 'unitNotice'];

	test.each([
		{ track: 'individual', index: indexOf.person },
		{ track: 'collective', index: indexOf.collective },
		{ track: 'suggestion', index: indexOf.suggestion }
	])('$track: parses, and is under 4 MB of JSON', ({ index }) => {
		// From the parsed sample, so every field the format knows is there to fill.
		const first = parseInterchange(sample());
		if (!first.ok) throw new Error('the sample parses');
		const document = JSON.parse(JSON.stringify(first.document)) as ReturnType<typeof sample>;
		const nomination = document.nominations[index]!;
		for (const [key, value] of Object.entries(nomination)) {
			if (!fixed.includes(key)) nomination[key] = fill(value, key);
		}
		(nomination.unit as Json).name = '字'.repeat(SHORT_TEXT_CAP);
		const parsed = parseInterchange(document);
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
		if (!parsed.ok) return;
		const bytes = Buffer.byteLength(JSON.stringify(parsed.document.nominations[index]));
		expect(bytes).toBeLessThan(4 * 1024 * 1024);
	});
});
