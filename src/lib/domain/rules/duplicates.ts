/**
 * DUPLICATE-NOMINEE: the same person, collective or suggestion nominated twice in one
 * campaign (差额推荐 counts each nominee once, 通知一(三)). A person is the same when the
 * ID numbers match (case and spaces ignored), or — without an ID number — when name and
 * 出生年月 match; a suggestion when its 建议编号 is the same (三次 = 3次, 0418号 = 418号);
 * a collective when its full name (集体名称，必须填写全称) is the same after removing a leading
 * 重庆市, spaces and full-/half-width differences (collectiveNameKey).
 */
import type { Nomination } from '../interchange';
import { suggestionNumberKey } from '../suggestion-number';
import { isBlank, listText } from '../text';
import { finding, type Finding } from './finding';

/**
 * A collective's name as compared for duplicates: full-/half-width folded (NFKC), spaces of
 * any kind removed, and a leading 重庆市 dropped — 「重庆市北碚区人大代表之家」 and
 * 「北碚区 人大代表之家」 are the same collective.
 */
export function collectiveNameKey(name: string): string {
	return name
		.normalize('NFKC')
		.replace(/[\s\u3000]/g, '')
		.replace(/^重庆市/, '');
}

/** What matched, by the field a nominee's identity is compared on (the finding's `field`). */
const identityLabels = {
	'person.idNumber': '证件号码相同',
	'person.name': '姓名和出生年月相同',
	'collective.name': '集体名称相同',
	'suggestion.number': '建议编号相同'
} as const;

/** The identity a nomination is compared on, with the field it comes from; null when too empty to compare. */
export function nomineeKey(
	nomination: Nomination
): { key: string; field: string; label: string } | null {
	if (nomination.track === 'individual') {
		const { idNumber, name, birth } = nomination.person;
		if (!isBlank(idNumber)) {
			const key = `person-id:${idNumber.replace(/\s/g, '').toUpperCase()}`;
			return { key, field: 'person.idNumber', label: identityLabels['person.idNumber'] };
		}
		if (isBlank(name) || isBlank(birth)) return null;
		return {
			key: `person:${name.trim()}|${birth.trim()}`,
			field: 'person.name',
			label: identityLabels['person.name']
		};
	}
	if (nomination.track === 'collective') {
		const name = nomination.collective.name;
		if (isBlank(name)) return null;
		return {
			key: `collective:${collectiveNameKey(name)}`,
			field: 'collective.name',
			label: identityLabels['collective.name']
		};
	}
	if (isBlank(nomination.suggestion.number)) return null;
	const key = `suggestion:${suggestionNumberKey(nomination.suggestion.number)}`;
	return { key, field: 'suggestion.number', label: identityLabels['suggestion.number'] };
}

/**
 * One finding on every nomination that shares its nominee with another, naming the others,
 * in nomination order. Each occurrence is flagged: neither unit's nomination is privileged.
 */
export function findDuplicates(nominations: readonly Nomination[]): Finding[] {
	return duplicatesByIndex(nominations).filter((item): item is Finding => item !== null);
}

/** The DUPLICATE-NOMINEE finding of each nomination by position, null where there is none. */
export function duplicatesByIndex(nominations: readonly Nomination[]): (Finding | null)[] {
	const groups = new Map<string, number[]>();
	const keys = nominations.map(nomineeKey);
	keys.forEach((identity, index) => {
		if (!identity) return;
		const group = groups.get(identity.key);
		if (group) group.push(index);
		else groups.set(identity.key, [index]);
	});
	return keys.map((identity, index) => {
		const group = identity ? groups.get(identity.key) : undefined;
		if (!identity || !group || group.length < 2) return null;
		const others = group
			.filter((other) => other !== index)
			.map((other) => {
				const nomination = nominations[other];
				return nomination ? `${nomination.ref}（${nomination.unit.name}）` : '';
			});
		return finding(
			nominations[index]?.ref ?? '',
			'DUPLICATE-NOMINEE',
			identity.field,
			`与 ${listText(others)} ${identity.label}，同一对象在本次评选中只能推荐一次（通知一(三)）。请与相关推荐单位核实，撤回重复的推荐。`
		);
	});
}

/**
 * The DUPLICATE-NOMINEE message a recommending unit reads: what matched and what to do, naming
 * no other nomination and no other unit (a unit never sees another unit's data, SPEC §1).
 * `field` is the finding's field, i.e. the identity that was compared.
 */
export function duplicateMessageForUnit(field: string): string {
	const label =
		field in identityLabels ? identityLabels[field as keyof typeof identityLabels] : '推荐对象相同';
	return `本次评选中另有一份推荐与本推荐${label}，同一对象在本次评选中只能推荐一次（通知一(三)）。如另一份推荐也是本单位提交的，请撤回其中一份；否则请联系秘书处核实。`;
}
