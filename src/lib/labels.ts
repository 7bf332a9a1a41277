/** Chinese names shown in the interface, beside the domain's track and stage names. */
export { trackLabels } from './domain/campaign';
export { moveRefusalTitles, stageLabels } from './domain/stages';
export { findingTitle, findingTitles } from './domain/rules/finding-titles';

/** Finding severities as a secretary reads them. */
export const severityLabels: Record<string, string> = {
	error: '错误',
	warning: '提醒',
	info: '提示'
};
