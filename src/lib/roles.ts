/** The campaign roles (SPEC §1), declared once; the schema, the CLI and the interface import them. */
export const roles = ['admin', 'secretary', 'panelist', 'observer', 'unit'] as const;
export type Role = (typeof roles)[number];

/** Chinese names of the campaign roles, for the interface. */
export const roleLabels = {
	admin: '系统管理员',
	secretary: '秘书处',
	panelist: '评审组成员',
	observer: '观察席',
	unit: '推荐单位'
} as const satisfies Record<Role, string>;
