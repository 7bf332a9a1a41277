/**
 * Reading form fields back from document text (intake/field-text.ts), as printed and as typed by
 * hand, and reading an approval form whose cells hold content controls (w:sdt), as Word writes
 * them for form fields.
 */
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { individualForm, type FormField } from '../../../src/lib/domain/approval-forms';
import type { IndividualNomination } from '../../../src/lib/domain/interchange';
import { approvalFormDocx } from '../../../src/lib/server/export/approval-form';
import { readFieldValue } from '../../../src/lib/server/intake/field-text';
import { readApprovalFormDocx } from '../../../src/lib/server/intake/read-docx';
import { demo } from '../../helpers/documents';

const field = (key: string): FormField => individualForm.fields.find((f) => f.key === key)!;

describe('readFieldValue', () => {
	const cases: [string, string, string, unknown][] = [
		['text keeps a 全角 indent', 'deeds', '\u3000\u3000积极履职。 ', '\u3000\u3000积极履职。'],
		['empty number is unknown', 'liaisonYears', ' ', undefined],
		['number', 'liaisonYears', '3', 3],
		['number with decimals', 'liaisonYears', '3.5', 3.5],
		['flag 是', 'inPost', '是', true],
		['flag 否', 'inPost', '否', false],
		['flag empty is unknown', 'inPost', '', undefined],
		[
			'assessments as printed and as typed',
			'assessments',
			'2020年：称职\n2021年度: 优秀\n',
			[
				{ year: 2020, result: '称职' },
				{ year: 2021, result: '优秀' }
			]
		],
		[
			'resume as printed, with 至今',
			'resume',
			'2000.07—2007.10\u3000教师\n2007.11—至今\u3000校长',
			[
				{ from: '2000.07', to: '2007.10', text: '教师' },
				{ from: '2007.11', to: '至今', text: '校长' }
			]
		],
		[
			'resume typed with a hyphen and a space',
			'resume',
			'2000.07-2007.10 渝中区 教师',
			[{ from: '2000.07', to: '2007.10', text: '渝中区 教师' }]
		],
		[
			'awards with and without a level',
			'awards',
			'2019.05\u3000劳动模范［市级］\n2020.01 先进个人',
			[
				{ date: '2019.05', text: '劳动模范', level: '市级' },
				{ date: '2020.01', text: '先进个人', level: '' }
			]
		],
		['no punishments', 'punishments', '\n \n', []],
		['「无」 for no punishments', 'punishments', ' 无 ', []],
		['「暂无」 for no awards', 'awards', '暂无', []],
		[
			'resume typed 「-至今」 and 「至今」 without a dash',
			'resume',
			'2005.07-至今 书记\n2003.01至今 委员',
			[
				{ from: '2005.07', to: '至今', text: '书记' },
				{ from: '2003.01', to: '至今', text: '委员' }
			]
		],
		[
			'assessments typed on one line, 。 at the end',
			'assessments',
			'2020年度：称职；2021年：优秀。',
			[
				{ year: 2020, result: '称职' },
				{ year: 2021, result: '优秀' }
			]
		]
	];
	test.each(cases)('%s', (_name, key, text, value) => {
		expect(readFieldValue(field(key), text)).toEqual({ value });
	});

	const problems: [string, string, string, RegExp][] = [
		[
			'a number in words',
			'liaisonYears',
			'三年',
			/“直接从事市人大代表工作年限（年）”应填数字，现为“三年”/
		],
		['a flag other than 是/否', 'inPost', '对', /应填“是”或“否”，现为“对”/],
		['an assessment without a year', 'assessments', '称职', /“称职”无法识别/],
		['a resume line without dates', 'resume', '一直在本单位工作', /应每行一条/]
	];
	test.each(problems)('%s is reported, not guessed', (_name, key, text, message) => {
		const read = readFieldValue(field(key), text);
		expect('problem' in read && read.problem).toMatch(message);
	});
});

describe('readApprovalFormDocx', () => {
	test('cells whose paragraphs sit in content controls (w:sdt) read the same', async () => {
		const nomination = demo().nominations.find(
			(n): n is IndividualNomination => n.track === 'individual'
		)!;
		const zip = await JSZip.loadAsync(await approvalFormDocx(nomination));
		const xml = await zip.file('word/document.xml')!.async('string');
		let wrapped = 0;
		const controlled = xml.replace(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g, (paragraph) => {
			wrapped += 1;
			return `<w:sdt><w:sdtPr/><w:sdtContent>${paragraph}</w:sdtContent></w:sdt>`;
		});
		expect(wrapped).toBeGreaterThan(50);
		zip.file('word/document.xml', controlled);
		const bytes = await zip.generateAsync({ type: 'nodebuffer' });
		const draft = await readApprovalFormDocx(bytes, 'form.docx');
		expect(draft.problems).toEqual([]);
		for (const f of individualForm.fields.filter((f) => f.printed))
			expect([f.key, draft.section[f.key]]).toEqual([
				f.key,
				(nomination.person as Record<string, unknown>)[f.key]
			]);
		expect(draft.unitName).toBe(nomination.unit.name);
	});
});
