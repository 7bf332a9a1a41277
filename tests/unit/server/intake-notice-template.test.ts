/**
 * Approval forms filled in the notice's own Word template (渝人社〔2022〕406号 附件1–3), not in the
 * layout we export: labels spaced out and broken over lines, a note after the label
 * (「主要事迹（2000字以内）」), cells that hold two or three fields (工作单位及职务职级, 单位地址及邮编,
 * 集体负责人姓名及职务), the template's hints left in a value cell, 「无」 for no punishments, and
 * choices in the notice's own wording (documents from tests/helpers/notice-template.ts).
 */
import { describe, expect, test } from 'vitest';
import { readApprovalFormDocx } from '../../../src/lib/server/intake/read-docx';
import { individualCover, individualRows, templateForm } from '../../helpers/notice-template';

describe('the notice’s template for 先进个人 (附件2)', () => {
	test('reads every field, splitting the cells that hold several', async () => {
		const draft = await readApprovalFormDocx(
			await templateForm(individualCover, individualRows()),
			'先进个人推荐审批表－王小明－渝中区人大常委会.docx'
		);
		expect(draft.track).toBe('individual');
		expect(draft.problems).toEqual([]);
		expect(draft.unitName).toBe('渝中区人大常委会');
		expect(draft.submittedAt).toBe('2022-10-28');
		expect(draft.section).toEqual({
			name: '王小明',
			gender: '男',
			ethnicity: '汉族',
			birth: '1975.03',
			nativePlace: '重庆市渝中区',
			politicalStatus: '中共党员',
			education: '大学本科',
			phone: '13800000000',
			photo: '',
			idType: '居民身份证',
			idNumber: '500103197503150012',
			employer: '渝中区解放碑街道办事处',
			position: '党工委书记',
			rank: '乡科级正职',
			unitNature: '机关',
			employerAddress: '重庆市渝中区民族路100号',
			employerPostcode: '400010',
			category: '区县人大代表',
			assessments: [2017, 2018, 2019, 2020, 2021].map((year, i) => ({
				year,
				result: ['称职', '优秀', '称职', '称职', '优秀'][i]
			})),
			liaisonYears: undefined,
			resume: [
				{ from: '1997.07', to: '2005.06', text: '渝中区七星岗街道 科员' },
				{ from: '2005.07', to: '至今', text: '渝中区解放碑街道 党工委书记' }
			],
			awards: [{ date: '2019.05', text: '全区优秀人大代表', level: '' }],
			punishments: [],
			deeds: '\u3000\u3000该同志积极履职，联系选民。'
		});
	});

	const employerCells: [string, string, Record<string, string | undefined>, RegExp | null][] = [
		[
			'space between',
			'市交通局 副局长 县处级副职',
			{ employer: '市交通局', position: '副局长', rank: '县处级副职' },
			null
		],
		[
			'rank in brackets',
			'市交通局，副局长（县处级副职）',
			{ employer: '市交通局', position: '副局长', rank: '县处级副职' },
			null
		],
		[
			'a longer rank before its shorter tail',
			'某中学 教师 三级主任科员',
			{ employer: '某中学', position: '教师', rank: '三级主任科员' },
			null
		],
		[
			'no rank (没有级别的可以不填)',
			'某公司 董事长',
			{ employer: '某公司', position: '董事长', rank: undefined },
			null
		],
		[
			'employer alone',
			'某公司',
			{ employer: '某公司', position: '', rank: undefined },
			/已全部记为工作单位/
		],
		[
			'a rank without a separator',
			'市交通局副局长县处级副职',
			{ employer: '市交通局副局长', position: '', rank: '县处级副职' },
			null
		]
	];
	test.each(employerCells)('工作单位及职务职级: %s', async (_name, text, expected, problem) => {
		const draft = await readApprovalFormDocx(
			await templateForm(individualCover, individualRows({ '工作单位\n及职务职级': text })),
			'form.docx'
		);
		const { employer, position, rank } = draft.section;
		expect({ employer, position, rank }).toEqual(expected);
		if (problem) expect(draft.problems.join('')).toMatch(problem);
		else expect(draft.problems).toEqual([]);
	});

	const addressCells: [string, string, string, string | undefined][] = [
		['space', '重庆市渝中区民族路100号 400010', '重庆市渝中区民族路100号', '400010'],
		[
			'comma and 邮编',
			'重庆市渝中区民族路100号，邮编：400010',
			'重庆市渝中区民族路100号',
			'400010'
		],
		['in brackets', '重庆市渝中区民族路100号（邮编400010）', '重庆市渝中区民族路100号', '400010'],
		['no postcode', '重庆市渝中区民族路100号', '重庆市渝中区民族路100号', undefined],
		[
			'five digits is not a postcode',
			'重庆市渝中区民族路 40001',
			'重庆市渝中区民族路 40001',
			undefined
		]
	];
	test.each(addressCells)('所在单位地址及邮编: %s', async (_name, text, address, postcode) => {
		const draft = await readApprovalFormDocx(
			await templateForm(individualCover, individualRows({ 所在单位地址及邮编: text })),
			'form.docx'
		);
		expect([draft.section.employerAddress, draft.section.employerPostcode]).toEqual([
			address,
			postcode
		]);
	});

	const wordings: [string, string, string][] = [
		['推荐类别', '直接从事市人大代表联络的工作人员', '代表联络工作人员'],
		['推荐类别', '市人大代表', '市人大代表'],
		['单位性质', '参照公务员法管理单位', '参公单位'],
		['单位性质', '国有企业', '国有企业']
	];
	test.each(wordings)(
		'%s in the notice’s wording “%s” reads as “%s”',
		async (label, text, value) => {
			const draft = await readApprovalFormDocx(
				await templateForm(individualCover, individualRows({ [label]: text })),
				'form.docx'
			);
			const key = label === '推荐类别' ? 'category' : 'unitNature';
			expect(draft.section[key]).toBe(value);
		}
	);

	test('the hint left before a number is not read as the number', async () => {
		const draft = await readApprovalFormDocx(
			await templateForm(
				individualCover,
				individualRows({ '直接从事市人大代表\n\n工作年限（年）': '（如3.5，截至2022年10月）4.5' })
			),
			'form.docx'
		);
		expect(draft.section.liaisonYears).toBe(4.5);
		expect(draft.problems).toEqual([]);
	});
});

describe('the notice’s template for 先进集体 (附件1) and 优秀建议 (附件3)', () => {
	const collectiveCover = [
		'重庆市人大代表履职贡献奖',
		'先进集体推荐审批表',
		'集体名称：渝中区人大代表联系组',
		'推荐单位：渝中区人大常委会',
		'填报时间：2022年10月25日'
	];
	const collectiveRows = (leader: string, address: string) => [
		['集   体   名   称', '渝中区人大代表联系组'],
		['推荐类别', '联系组'],
		['集体级别', ''],
		['集体人员数（人）', '24'],
		['集体负责人\n姓名及职务', leader],
		['单位地址\n及邮编', address],
		['何时受过\n何种奖励', '无'],
		['何时受过\n何种处分', '无'],
		['主  要  事  迹（2000字以内）'],
		['联系组组织代表开展活动。']
	];
	const leaders: [string, string, Record<string, string | undefined>, RegExp | null][] = [
		['space', '李华 组长', { leader: '李华', leaderPosition: '组长' }, null],
		[
			'brackets',
			'李华（渝中区人大常委会副主任）',
			{ leader: '李华', leaderPosition: '渝中区人大常委会副主任' },
			null
		],
		['comma', '李华，组长', { leader: '李华', leaderPosition: '组长' }, null],
		[
			'not told apart',
			'李华组长',
			{ leader: undefined, leaderPosition: undefined },
			/未能分开姓名和职务/
		]
	];
	test.each(leaders)('集体负责人姓名及职务: %s', async (_name, text, expected, problem) => {
		const draft = await readApprovalFormDocx(
			await templateForm(collectiveCover, collectiveRows(text, '重庆市渝中区人民路1号 400015')),
			'form.docx'
		);
		expect(draft.track).toBe('collective');
		const { leader, leaderPosition } = draft.section;
		expect({ leader, leaderPosition }).toEqual(expected);
		if (problem) expect(draft.problems.join('')).toMatch(problem);
		else expect(draft.problems).toEqual([]);
		expect(draft.section).toMatchObject({
			name: '渝中区人大代表联系组',
			category: '联系组',
			level: '',
			memberCount: 24,
			address: '重庆市渝中区人民路1号',
			postcode: '400015',
			awards: [],
			punishments: [],
			deeds: '联系组组织代表开展活动。'
		});
	});

	test('附件3: the number’s hint, and the summary and reason under their notes', async () => {
		const draft = await readApprovalFormDocx(
			await templateForm(
				['重庆市人大代表履职贡献奖', '优秀建议推荐审批表'],
				[
					['代表（领衔代表）\n姓           名', '张三'],
					['所在\n联系组', '渝中区人大代表联系组'],
					[
						'建议编号',
						'（市五届人大X次会议XX号或市五届人大X次会议闭会XX号）\n市五届人大五次会议0123号'
					],
					['建议题目', '关于加强社区养老服务的建议'],
					['建    议\n内容摘要\n（200字以内）', '建议增加社区养老服务点。'],
					['推荐理由\n（500字以内）', '建议已办理落实。'],
					['推荐单位\n意    见', '签字（盖章）：']
				]
			),
			'form.docx'
		);
		expect(draft.problems).toEqual([]);
		expect(draft.section).toEqual({
			leadDeputy: '张三',
			liaisonGroup: '渝中区人大代表联系组',
			number: '市五届人大五次会议0123号',
			title: '关于加强社区养老服务的建议',
			summary: '建议增加社区养老服务点。',
			reason: '建议已办理落实。'
		});
	});
});
