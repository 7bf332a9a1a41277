import { describe, expect, test } from 'vitest';
import { excessLength, isBlank, textLength } from '$lib/domain';

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
