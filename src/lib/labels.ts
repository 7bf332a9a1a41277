/** Chinese names shown in the interface for tracks, stages and severities. */
export const trackLabels: Record<string, string> = {
	collective: '先进集体',
	individual: '先进个人',
	suggestion: '优秀建议',
	station: '通报表扬家站'
};

export const stageLabels: Record<string, string> = {
	submitted: '推荐申报',
	preliminary: '初审',
	joint: '联合评审',
	proposed: '拟表彰',
	approved: '党组审定',
	notice: '公示',
	commended: '表彰',
	not_selected: '未入选',
	withdrawn: '撤销'
};

export const severityLabels: Record<string, string> = {
	error: '错误',
	warning: '提醒',
	info: '提示'
};
