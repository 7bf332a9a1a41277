import { describe, expect, test } from 'vitest';
import { findDuplicates, nomineeKey, type Nomination } from '$lib/domain';
import { collective, idNumber, individual, suggestion } from './fixtures';

const refsOf = (nominations: Nomination[]) => findDuplicates(nominations).map((f) => f.ref);

describe('DUPLICATE-NOMINEE', () => {
	test('the same ID number twice flags both, naming the other', () => {
		const id = idNumber('19800101', '555');
		const a = individual({ idNumber: id }, { ref: 'A' });
		const b = individual(
			{ idNumber: id.toLowerCase() + ' ' },
			{ ref: 'B', unit: { name: '渝北区人大代表联系组', kind: 'liaison_group' } }
		);
		const findings = findDuplicates([a, individual(), b]);
		expect(findings.map((f) => f.ref)).toEqual(['A', 'B']);
		expect(findings[0]?.message).toContain('B（渝北区人大代表联系组）');
		expect(findings[0]?.field).toBe('person.idNumber');
		expect(findings[0]?.severity).toBe('error');
	});

	test('without ID numbers, name and birth decide', () => {
		const a = individual({ idNumber: '', name: '张三', birth: '1980.01' }, { ref: 'A' });
		const b = individual({ idNumber: '', name: '张三', birth: '1980.01' }, { ref: 'B' });
		const c = individual({ idNumber: '', name: '张三', birth: '1981.01' }, { ref: 'C' });
		expect(refsOf([a, b, c])).toEqual(['A', 'B']);
	});

	test('the same suggestion number, however written', () => {
		const a = suggestion({ number: '市五届人大三次会议0418号' }, { ref: 'A' });
		const b = suggestion({ number: '市五届人大3次会议418号' }, { ref: 'B' });
		const c = suggestion({ number: '市五届人大三次会议闭会0418号' }, { ref: 'C' });
		expect(refsOf([a, b, c])).toEqual(['A', 'B']);
	});

	test('the same collective name', () => {
		expect(
			refsOf([
				collective({ name: '天生街道代表之家' }, { ref: 'A' }),
				collective({ name: '天生街道 代表之家' }, { ref: 'B' })
			])
		).toEqual(['A', 'B']);
	});

	test('distinct nominees and empty identities are not duplicates', () => {
		const blank = () => individual({ idNumber: '', name: '', birth: '' });
		expect(
			findDuplicates([
				individual(),
				individual(),
				blank(),
				blank(),
				suggestion({ number: '' }),
				suggestion({ number: '' })
			])
		).toEqual([]);
		expect(nomineeKey(blank())).toBeNull();
	});
});
