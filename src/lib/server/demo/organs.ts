import type { UnitKind } from './types';

/** A municipal-level recommending unit: a 专业组, a 常委会 work department or a 市级部门. */
export interface OrganUnit {
	/** Ref prefix and account slug: prof-N, work-N, dept-N. */
	slug: string;
	kind: Exclude<UnitKind, 'liaison_group'>;
	name: string;
	/** The collective it nominates: the group itself, or the 处室 that serves deputies. */
	collectiveName: string;
	/** Where its liaison staff member works (the committee office or the 处室). */
	staffEmployer: string;
	/** District of its office, for the collective's address. */
	officeDistrict: string;
}

// name | collective (the group itself for 专业组) | staff employer | office district
const PROFESSIONAL = [
	'市人大代表法制专业组||市人大法制委员会办公室|渝北区',
	'市人大代表监察和司法专业组||市人大监察和司法委员会办公室|渝北区',
	'市人大代表财政经济专业组||市人大财政经济委员会办公室|渝北区',
	'市人大代表预算专业组||市人大常委会预算工作委员会办公室|渝北区',
	'市人大代表教育科学文化卫生专业组||市人大教育科学文化卫生委员会办公室|渝北区',
	'市人大代表城乡建设环境保护专业组||市人大城乡建设环境保护委员会办公室|渝北区',
	'市人大代表农业农村专业组||市人大农业与农村委员会办公室|渝北区',
	'市人大代表社会建设专业组||市人大社会建设委员会办公室|渝北区',
	'市人大代表民族宗教侨务外事专业组||市人大民族宗教侨务外事委员会办公室|渝北区',
	'市人大代表民营经济专业组||市人大财政经济委员会办公室|渝北区'
];

const WORK_DEPARTMENTS = [
	'市人大常委会办公厅|市人大常委会办公厅秘书处|市人大常委会办公厅秘书处|渝北区',
	'市人大常委会研究室|市人大常委会研究室综合调研处|市人大常委会研究室综合调研处|渝北区',
	'市人大常委会法制工作委员会|市人大常委会法制工作委员会立法规划处|市人大常委会法制工作委员会立法规划处|渝北区',
	'市人大常委会信访办公室|市人大常委会信访办公室来信来访处|市人大常委会信访办公室来信来访处|渝北区'
];

const MUNICIPAL_DEPARTMENTS = [
	'市发展改革委|市发展改革委办公室|市发展改革委办公室|渝北区',
	'市教委|市教委基础教育处|市教委办公室|渝中区',
	'市科技局|市科技局政策法规处|市科技局办公室|渝北区',
	'市经济信息委|市经济信息委中小企业处|市经济信息委办公室|渝北区',
	'市民政局|市民政局养老服务处|市民政局办公室|渝北区',
	'市财政局|市财政局农业农村处|市财政局办公室|渝中区',
	'市人力社保局|市人力社保局就业促进处|市人力社保局办公室|渝北区',
	'市规划自然资源局|市规划自然资源局国土空间规划处|市规划自然资源局办公室|渝北区',
	'市生态环境局|市生态环境局水生态环境处|市生态环境局办公室|渝北区',
	'市住房城乡建委|市住房城乡建委城市更新处|市住房城乡建委办公室|渝北区',
	'市城市管理局|市城市管理局市容环卫处|市城市管理局办公室|渝中区',
	'市交通运输委|市交通运输委综合规划处|市交通运输委办公室|渝北区',
	'市水利局|市水利局农村水利处|市水利局办公室|渝北区',
	'市农业农村委|市农业农村委乡村产业发展处|市农业农村委办公室|渝北区',
	'市商务委|市商务委市场体系建设处|市商务委办公室|渝北区',
	'市文化旅游委|市文化旅游委公共服务处|市文化旅游委办公室|渝北区',
	'市卫生健康委|市卫生健康委基层卫生健康处|市卫生健康委办公室|渝中区',
	'市应急局|市应急局综合减灾处|市应急局办公室|渝北区',
	'市医保局|市医保局医药服务管理处|市医保局办公室|渝北区'
];

function parse(rows: string[], kind: OrganUnit['kind'], prefix: string): OrganUnit[] {
	return rows.map((row, index) => {
		const [name, collective, staffEmployer, officeDistrict] = row.split('|') as [
			string,
			string,
			string,
			string
		];
		const collectiveName = collective || name;
		return {
			slug: `${prefix}-${index + 1}`,
			kind,
			name,
			collectiveName,
			staffEmployer,
			officeDistrict
		};
	});
}

/** The ten 市人大代表专业组 (kind professional_group). */
export const PROFESSIONAL_GROUPS = parse(PROFESSIONAL, 'professional_group', 'prof');

/** Work departments of the municipal standing committee (kind work_department). */
export const WORK_DEPARTMENT_UNITS = parse(WORK_DEPARTMENTS, 'work_department', 'work');

/** Municipal departments that handle deputies' suggestions (kind municipal_department). */
export const MUNICIPAL_DEPARTMENT_UNITS = parse(
	MUNICIPAL_DEPARTMENTS,
	'municipal_department',
	'dept'
);

/** All municipal-level units, professional groups first. */
export const ORGAN_UNITS: readonly OrganUnit[] = [
	...PROFESSIONAL_GROUPS,
	...WORK_DEPARTMENT_UNITS,
	...MUNICIPAL_DEPARTMENT_UNITS
];
