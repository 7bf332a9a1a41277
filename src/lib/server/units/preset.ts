/**
 * The register a campaign starts from (issue 12): the units notice 渝人社〔2022〕406号 expects
 * files from — the 38 districts' 市人大代表联系组 (submitted through their 区县人大常委会, which
 * the forms print as 推荐单位: 附件填表说明三“推荐单位填写区县（自治县）人大常委会、市级主管部门”),
 * the 10 市人大代表专业组 and the 市人大常委会工作部门. 市级有关部门 are added by the secretary.
 */
import type { UnitKind } from '../../domain/interchange';
import { DISTRICTS } from '../demo/districts';
import { PROFESSIONAL_GROUPS, WORK_DEPARTMENT_UNITS } from '../demo/organs';

/** One unit the register expects. */
export interface RegisterEntry {
	name: string;
	kind: UnitKind;
	/** The district of a 联系组; null for municipal-level units. */
	district: string | null;
	/** 推荐单位 as the approval forms print it. */
	reportingBody: string;
}

/** The name of a district's liaison group, e.g. 渝中区人大代表联系组. */
export const liaisonGroupName = (district: string) => `${district}人大代表联系组`;

/** The 推荐单位 printed for a district's liaison group: its 区县人大常委会. */
export const districtStandingCommittee = (district: string) => `${district}人大常委会`;

/** The preset register for chongqing-2022, in register order. */
export function presetRegister(): RegisterEntry[] {
	return [
		...DISTRICTS.map((district) => ({
			name: liaisonGroupName(district.name),
			kind: 'liaison_group' as const,
			district: district.name,
			reportingBody: districtStandingCommittee(district.name)
		})),
		...[...PROFESSIONAL_GROUPS, ...WORK_DEPARTMENT_UNITS].map((organ) => ({
			name: organ.name,
			kind: organ.kind,
			district: null,
			reportingBody: organ.name
		}))
	];
}
