/**
 * A form field's value read back from the text a document shows: the inverse of the approval
 * form's `printedValue` (export/approval-form.ts) — lists one entry a line (考核 「2020年：称职」,
 * 简历 「2000.07—2007.10〔全角空格〕教师」, 奖惩 「2019.05〔全角空格〕表彰名称［区县级］」), flags 是/否, numbers as
 * written. The same reading serves the .docx forms and the .xlsx template, so what we print
 * reads back as the same value.
 */
import type { FormField } from '../../domain/approval-forms';
import { choiceWordings } from '../../domain/vocabulary';
import { gap } from '../export/approval-form';

/** A value read from a cell, or why the text could not be read (in Chinese, naming the fix). */
export type ReadValue = { value: unknown } | { problem: string };

/** Trims ASCII spaces and line ends only: a leading 全角空格 (paragraph indent) is content. */
export function trimAscii(text: string): string {
	return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Non-empty lines of a cell, with CR removed and ASCII spaces trimmed. */
function entries(text: string): string[] {
	return text
		.split('\n')
		.map(trimAscii)
		.filter((line) => line.replace(/\u3000/g, '') !== '');
}

/** A list cell that says there is nothing to list (「无」 in the 处分 row of nearly every form). */
const nothing = /^(无|暂无|没有|无\s*。)$/;
const listKinds: readonly FormField['kind'][] = ['assessments', 'resume', 'awards', 'punishments'];

/** 考核 entries typed on one line: 「2019年度：称职；2020年度：优秀」, split before each year. */
const beforeYear = /[；;，,、。]\s*(?=\d{4}\s*年)/;

const dash = /\s*[—–－~～至-]+\s*/;

function resumeEntry(line: string): { from: string; to: string; text: string } | null {
	const printed = /^(.*?)—([^\u3000]*)(?:\u3000(.*))?$/s.exec(line);
	if (printed) return { from: printed[1]!, to: printed[2]!, text: printed[3] ?? '' };
	// Typed by hand: 「2000.07-2007.10 教师」, 「2005.07-至今 书记」 (the 至 of 至今 is not a dash).
	const typed = new RegExp(`^(\\S+?)${dash.source}(\\S+)\\s+(.*)$`, 's').exec(line);
	if (!typed) return null;
	return { from: typed[1]!, to: typed[2] === '今' ? '至今' : typed[2]!, text: typed[3]! };
}

/** 「date〔全角空格〕text」 (printed) or 「date text」 (typed): the date is the first word. */
function dated(line: string): { date: string; text: string } | null {
	const match = /^(.*?)\u3000(.*)$/s.exec(line) ?? /^(\S+)\s+(.*)$/s.exec(line);
	return match ? { date: match[1]!, text: match[2]! } : null;
}

function listProblem(label: string, line: string, shape: string): { problem: string } {
	return { problem: `“${label}”中的“${line}”无法识别，应每行一条，写作 ${shape}。` };
}

/** Reads `text` as the value of `field`; '' reads as the field's empty value. */
export function readFieldValue(field: FormField, text: string): ReadValue {
	if (listKinds.includes(field.kind) && nothing.test(trimAscii(text).replace(/\u3000/g, '')))
		return { value: [] };
	switch (field.kind) {
		case 'text': {
			const value = trimAscii(text);
			// A closed-list value in the notice's own wording is the value it names.
			const chosen = choiceWordings[value.replace(/[\s\u3000]/g, '')];
			return { value: chosen && field.choices?.includes(chosen) ? chosen : value };
		}
		case 'longtext':
			return { value: trimAscii(text) };
		case 'number': {
			const value = trimAscii(text);
			if (value === '') return { value: undefined };
			return /^\d+(\.\d+)?$/.test(value)
				? { value: Number(value) }
				: { problem: `“${field.label}”应填数字，现为“${value}”。` };
		}
		case 'flag': {
			const value = trimAscii(text);
			if (value === '') return { value: undefined };
			if (value === '是') return { value: true };
			if (value === '否') return { value: false };
			return { problem: `“${field.label}”应填“是”或“否”，现为“${value}”。` };
		}
		case 'assessments': {
			const out: { year: number; result: string }[] = [];
			for (const line of entries(text).flatMap((entry) => entry.split(beforeYear))) {
				const match = /^(\d{4})\s*年(?:度)?\s*[：:]?\s*(.*?)[；;，,。]?$/s.exec(line);
				if (!match) return listProblem(field.label, line, '“2021年：称职”');
				out.push({ year: Number(match[1]), result: match[2]! });
			}
			return { value: out };
		}
		case 'resume': {
			const out: { from: string; to: string; text: string }[] = [];
			for (const line of entries(text)) {
				const entry = resumeEntry(line);
				if (!entry) return listProblem(field.label, line, `“2000.07—2007.10${gap}工作单位及职务”`);
				out.push(entry);
			}
			return { value: out };
		}
		case 'awards': {
			const out: { date: string; text: string; level: string }[] = [];
			for (const line of entries(text)) {
				const entry = dated(line);
				if (!entry) return listProblem(field.label, line, `“2019.05${gap}奖励名称［区县级］”`);
				const level = /^(.*)［([^［］]*)］$/s.exec(entry.text);
				out.push(
					level
						? { date: entry.date, text: level[1]!, level: level[2]! }
						: { date: entry.date, text: entry.text, level: '' }
				);
			}
			return { value: out };
		}
		case 'punishments': {
			const out: { date: string; text: string }[] = [];
			for (const line of entries(text)) {
				const entry = dated(line);
				if (!entry) return listProblem(field.label, line, `“2019.05${gap}处分名称”`);
				out.push(entry);
			}
			return { value: out };
		}
		case 'photo':
			return { value: undefined };
	}
}
