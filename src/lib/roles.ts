/** Chinese names of the campaign roles (SPEC §1), for the interface. */
export const roleLabels = {
	admin: '系统管理员',
	secretary: '秘书处',
	panelist: '评审组成员',
	observer: '观察席',
	unit: '推荐单位'
} as const satisfies Record<string, string>;

export type RoleName = keyof typeof roleLabels;
