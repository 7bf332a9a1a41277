/**
 * Approval forms as a unit fills the notice's own Word template (渝人社〔2022〕406号 附件1–3),
 * written cell by cell with `docx` as notice-2022-406.txt lays them out: for the intake tests.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/** A cell's text, one paragraph a line. */
const cell = (text: string) =>
	new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)) });

/** A form as a unit fills the template: the cover's lines, then the table's rows of cells. */
export async function templateForm(cover: string[], rows: string[][]): Promise<Buffer> {
	const document = new Document({
		sections: [
			{
				children: [
					...cover.map((line) => new Paragraph(line)),
					new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map(cell) })) })
				]
			}
		]
	});
	return Packer.toBuffer(document);
}

export const individualCover = [
	'重庆市人大代表履职贡献奖',
	'先进个人推荐审批表',
	'姓    名：王小明',
	'工作单位：渝中区解放碑街道办事处',
	'推荐单位：渝中区人大常委会',
	'填报时间：2022年10月28日'
];

/** 附件2's table as the template has it, filled; `overrides` replaces a row by its label. */
export function individualRows(overrides: Record<string, string> = {}): string[][] {
	const rows: [string, string][] = [
		['姓  名', '王小明'],
		['性  别', '男'],
		['民  族', '汉族'],
		['出生年月', '1975.03'],
		['籍  贯', '重庆市渝中区'],
		['政治面貌', '中共党员'],
		['学历学位', '大学本科'],
		['联系电话', '13800000000'],
		['证件类型', '居民身份证'],
		['证件号码', '500103197503150012'],
		['工作单位\n及职务职级', '渝中区解放碑街道办事处 党工委书记（乡科级正职）'],
		['单位性质', '机关'],
		['所在单位地址及邮编', '重庆市渝中区民族路100号 400010'],
		['推荐类别', '区县人大代表'],
		[
			'近五年考核情况',
			'（请按照年份依次填写）\n2017年度：称职；2018年度：优秀；2019年度：称职\n2020年度：称职\n2021年度：优秀'
		],
		['直接从事市人大代表\n\n工作年限（年）', '（如3.5，截至2022年10月）'],
		[
			'个\n人\n简\n历',
			'1997.07-2005.06 渝中区七星岗街道 科员\n2005.07-至今 渝中区解放碑街道 党工委书记'
		],
		['何时何地\n受过何种\n奖    励', '2019.05 全区优秀人大代表'],
		['何时何地\n受过何种\n处    分', '无']
	];
	const filled = rows.map(([label, value]) => [label, overrides[label] ?? value]);
	// The photo box shares the first row, as in the template; its label carries the template's note.
	filled[0] = [filled[0]![0]!, filled[0]![1]!, '照片\n（近期2寸\n正面半身免冠\n彩色照片）'];
	return [
		...filled,
		['主  要  事  迹（2000字以内）'],
		['\u3000\u3000该同志积极履职，联系选民。'],
		['所在\n单位\n意见', '签字（盖章）：\n年  月  日']
	];
}
