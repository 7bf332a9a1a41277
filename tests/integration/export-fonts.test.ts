/**
 * The 公文 faces our documents name (方正小标宋简体, 仿宋_GB2312) are not on a Linux machine; through
 * the shipped fontconfig file they fall back to Noto Serif CJK SC — Simplified-Chinese glyphs,
 * not the Japanese ones the same font collection draws first. pdffonts cannot tell (the
 * collection's faces share one CFF named …jp…), so the proof is the drawing: characters whose SC
 * and JP glyphs differ render exactly as Noto Serif CJK SC and unlike Noto Serif CJK JP.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Paragraph, TextRun } from 'docx';
import { afterAll, expect, test } from 'vitest';
import { chinese, faces, gongwen, run, toBytes } from '../../src/lib/server/export/word';
import { fontconfigFile, renderPdf, type Rendered } from '../helpers/office';

const exec = promisify(execFile);
/** Characters drawn differently in Simplified Chinese and Japanese. */
const sample = '骨直化门关';
const rendered: Rendered[] = [];
afterAll(() => Promise.all(rendered.map((r) => r.dispose())));

/** A page holding `sample` in one run, drawn in grey levels at 100 dpi. */
async function draw(text: TextRun, name: string): Promise<Buffer> {
	const pdf = await renderPdf(
		await toBytes(gongwen([new Paragraph({ children: [text] })])),
		`${name}.docx`
	);
	rendered.push(pdf);
	await exec('pdftoppm', ['-r', '100', '-gray', '-singlefile', pdf.pdf, pdf.pdf]);
	return readFile(`${pdf.pdf}.pgm`);
}

test.each([
	[faces.body, false],
	[faces.title, true]
])(
	'%s draws the Noto Serif CJK SC glyphs, not the JP ones',
	async (face, bold) => {
		const size = 96;
		const ours = await draw(run(sample, face, size), 'ours');
		const sc = await draw(run(sample, 'Noto Serif CJK SC', size, { bold }), 'sc');
		const jp = await draw(
			new TextRun({
				text: sample,
				font: {
					ascii: 'Noto Serif CJK JP',
					eastAsia: 'Noto Serif CJK JP',
					hAnsi: 'Noto Serif CJK JP'
				},
				size,
				bold,
				language: { value: 'ja-JP', eastAsia: 'ja-JP' }
			}),
			'jp'
		);
		expect(ours.equals(sc)).toBe(true);
		expect(ours.equals(jp)).toBe(false);
	},
	400_000
);

test.each([
	['方正小标宋简体', 'Noto Serif CJK SC:style=Bold'],
	['仿宋_GB2312', 'Noto Serif CJK SC:style=Regular'],
	['方正仿宋', 'Noto Serif CJK SC:style=Regular']
])('fontconfig with the shipped file resolves %s to %s', async (family, expected) => {
	const { stdout } = await exec('fc-match', ['-f', '%{family[0]}:style=%{style[0]}', family], {
		env: { ...process.env, FONTCONFIG_FILE: fontconfigFile }
	});
	expect(stdout).toBe(expected);
	expect(chinese.eastAsia).toBe('zh-CN');
});
