import { placeName, type District } from './districts';
import { COMPANY_STEMS, VILLAGE_STEMS } from './names';
import type { Rng } from './prng';
import type { PersonRecord } from './types';

/** What a deputy's main deeds are about; picks the sentence pool in deeds.ts. */
export type DeedTheme =
	'rural' | 'community' | 'health' | 'school' | 'enterprise' | 'worker' | 'township' | 'official';

/** A deputy's job and the flags that follow from it (employer, rank, unit nature …). */
export interface Role {
	employer: string;
	position: string;
	rank: string;
	unitNature: PersonRecord['unitNature'];
	enterpriseHead: boolean;
	stateOwned: boolean;
	grassrootsFrontline: boolean;
	category: PersonRecord['category'];
	/** Earlier jobs for the resume, oldest first. */
	earlier: string[];
	theme: DeedTheme;
}

type RoleFields = Omit<Role, 'rank' | 'enterpriseHead' | 'stateOwned' | 'category'> &
	Partial<Pick<Role, 'rank' | 'enterpriseHead' | 'stateOwned' | 'category'>>;

/** Streets (街道) have no people's congress of their own, so no 乡镇人大代表 there. */
function role(rng: Rng, fields: RoleFields, isTown = false): Role {
	const categories = ['区县人大代表', '区县人大代表', '市人大代表'] as const;
	return {
		rank: '无',
		enterpriseHead: false,
		stateOwned: false,
		category: rng.pick(isTown ? [...categories, '乡镇人大代表', '乡镇人大代表'] : categories),
		...fields
	};
}

/** An ordinary deputy from the grass roots or a private business, living in `district`. */
export function drawDeputyRole(rng: Rng, district: District): Role {
	const place = rng.pick(district.places);
	const isTown = /[镇乡]$/.test(place);
	const where = `${district.name}${placeName(place)}`;
	const stem = rng.pick(VILLAGE_STEMS);
	const company = `重庆${rng.pick(COMPANY_STEMS)}`;
	const kind = rng.int(0, 9);
	if (kind <= 1 && isTown) {
		return role(rng, {
			employer: `${where}${stem}村村民委员会`,
			position: rng.pick(['党支部书记、村委会主任', '村委会主任', '党总支书记']),
			unitNature: '其他',
			grassrootsFrontline: true,
			earlier: [`${where}${stem}村村民`, `${where}${stem}村村委会委员`],
			theme: 'rural',
			category: rng.pick(['乡镇人大代表', '区县人大代表'] as const)
		});
	}
	if (kind <= 1) {
		return role(rng, {
			employer: `${where}${stem}社区居民委员会`,
			position: rng.pick(['社区党委书记、居委会主任', '居委会主任', '社区党委副书记']),
			unitNature: '其他',
			grassrootsFrontline: true,
			earlier: [`${where}${stem}社区网格员`, `${where}${stem}社区居委会委员`],
			theme: 'community'
		});
	}
	if (kind === 2) {
		const clinic = isTown ? `${where}卫生院` : `${where}社区卫生服务中心`;
		return role(
			rng,
			{
				employer: clinic,
				position: rng.pick(['院长', '副院长', '全科医生', '护士长']),
				unitNature: '事业单位',
				grassrootsFrontline: true,
				earlier: [`${district.name}人民医院医生`, `${clinic}医生`],
				theme: 'health'
			},
			isTown
		);
	}
	if (kind === 3) {
		const school = `${where}${rng.pick(['中心小学校', '中学校', '中心幼儿园'])}`;
		return role(
			rng,
			{
				employer: school,
				position: rng.pick(['校长', '副校长', '教师', '教导主任']),
				unitNature: '事业单位',
				grassrootsFrontline: true,
				earlier: [
					`${district.name}${placeName(rng.pick(district.places))}小学教师`,
					`${school}教师`
				],
				theme: 'school'
			},
			isTown
		);
	}
	if (kind <= 5 && rng.chance(0.3)) {
		const group = `重庆市${district.name}${rng.pick(['农业投资', '城市建设投资', '文化旅游', '水务'])}集团有限公司`;
		return role(rng, {
			employer: group,
			position: rng.pick(['总经理', '党委书记、董事长', '董事长']),
			unitNature: '企业',
			enterpriseHead: true,
			stateOwned: true,
			grassrootsFrontline: false,
			earlier: [`${district.name}${placeName(rng.pick(district.places))}干部`, `${group}副总经理`],
			theme: 'enterprise',
			category: rng.pick(['市人大代表', '区县人大代表'] as const)
		});
	}
	if (kind <= 5) {
		const industry = rng.pick([
			'农业开发',
			'食品',
			'机械制造',
			'建筑工程',
			'物流',
			'电子科技',
			'旅游开发'
		]);
		return role(rng, {
			employer: `${company}${industry}有限公司`,
			position: rng.pick(['董事长', '总经理', '执行董事、总经理', '董事长、总经理']),
			unitNature: '企业',
			enterpriseHead: true,
			grassrootsFrontline: false,
			earlier: [`${district.name}个体经营户`, `${company}${industry}有限公司副总经理`],
			theme: 'enterprise',
			category: rng.pick(['市人大代表', '区县人大代表'] as const)
		});
	}
	if (kind === 6) {
		const firm = `${company}${rng.pick(['机械制造', '汽车零部件', '建材', '电子科技'])}有限公司`;
		return role(
			rng,
			{
				employer: firm,
				position: rng.pick(['车间主任', '班组长', '高级技师', '质检员']),
				unitNature: '企业',
				grassrootsFrontline: true,
				earlier: [`${firm}学徒工`, `${firm}技术员`],
				theme: 'worker'
			},
			isTown
		);
	}
	if (kind === 7 && isTown) {
		const crop = rng.pick(['柑橘', '茶叶', '花椒', '中药材', '生猪', '蔬菜', '李子']);
		return role(rng, {
			employer: `${where}${stem}${crop}专业合作社`,
			position: '理事长',
			unitNature: '其他',
			grassrootsFrontline: true,
			earlier: [`外出务工`, `${where}${crop}种植大户`],
			theme: 'rural',
			category: rng.pick(['乡镇人大代表', '区县人大代表'] as const)
		});
	}
	const government = isTown ? `${where}人民政府` : `${where}办事处`;
	return role(rng, {
		employer: government,
		position: isTown
			? rng.pick(['人大主席', '人大副主席', '副镇长'])
			: rng.pick(['人大工委主任', '副主任']),
		rank: rng.pick(['乡科级正职', '乡科级副职']),
		unitNature: '机关',
		grassrootsFrontline: true,
		earlier: [`${district.name}${placeName(rng.pick(district.places))}干部`, `${government}科员`],
		theme: 'township',
		category: '区县人大代表'
	});
}

/** A deputy who is a 处级干部 (县处级正职/副职) of the district: never 基层一线. */
export function drawDivisionRole(rng: Rng, district: District): Role {
	const [employer, position, rank, unitNature] = rng.pick([
		[`${district.name}卫生健康委员会`, '主任', '县处级正职', '机关'],
		[`${district.name}人民医院`, '院长', '县处级副职', '事业单位'],
		[`${district.name}教育委员会`, '副主任', '县处级副职', '机关'],
		[`${district.name}农业农村委员会`, '主任', '县处级正职', '机关']
	] as const);
	return role(rng, {
		employer,
		position,
		rank,
		unitNature,
		grassrootsFrontline: false,
		earlier: [`${district.name}${placeName(rng.pick(district.places))}干部`, `${employer}科长`],
		theme: 'official',
		category: rng.pick(['市人大代表', '区县人大代表'] as const)
	});
}
