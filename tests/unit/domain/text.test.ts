import { describe, expect, test } from 'vitest';
import { excessLength, isBlank, leadSentences, textLength } from '$lib/domain';

describe('textLength', () => {
	test.each([
		['', 0],
		['字字', 2],
		['𠀀', 1],
		['a𠀀b', 3],
		['第一段\n第二段', 7],
		['，。', 2]
	])('%j has %i characters', (text, expected) => {
		expect(textLength(text)).toBe(expected);
	});
});

describe('excessLength', () => {
	test('counts characters over the limit', () => {
		expect(excessLength('字'.repeat(2000), 2000)).toBe(0);
		expect(excessLength('字'.repeat(2001), 2000)).toBe(1);
		expect(excessLength('𠀀'.repeat(200), 200)).toBe(0);
	});
});

describe('isBlank', () => {
	test.each([
		['', true],
		['  ', true],
		['\u3000', true],
		[' 张 ', false]
	])('%j → %s', (value, expected) => {
		expect(isBlank(value)).toBe(expected);
	});
});

describe('leadSentences', () => {
	test.each([
		['两句都放得下', '甲乙丙。丁戊己。', 8, '甲乙丙。丁戊己。'],
		['第二句超出一个字就不要', '甲乙丙。丁戊己。', 7, '甲乙丙。'],
		['问号和叹号也断句', '甲乙？丙丁！戊己。', 6, '甲乙？丙丁！'],
		['换行断句，空行不算', '甲乙\n\n丙丁。', 5, '甲乙丙丁。'],
		['第一句过长时截断加省略号', '甲乙丙丁戊己。', 4, '甲乙丙…'],
		['第一句正好等于上限', '甲乙丙。', 4, '甲乙丙。'],
		['空文本', '', 10, '']
	])('%s', (_, text, limit, expected) => {
		expect(leadSentences(text, limit)).toBe(expected);
	});
});
