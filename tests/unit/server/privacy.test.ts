import { describe, expect, test } from 'vitest';
import { approvalForms } from '../../../src/lib/domain/approval-forms';
import type { Actor } from '../../../src/lib/permissions';
import { HIDDEN, nominationFor } from '../../../src/lib/server/privacy';
import { collective, individual, suggestion } from '../domain/fixtures';

const OWN_UNIT = 7;
const scope = { unitId: OWN_UNIT };
const viewers: [string, Actor, { personal: boolean; birth: boolean }][] = [
	['secretary', { role: 'secretary', unitId: null }, { personal: true, birth: true }],
	['admin', { role: 'admin', unitId: null }, { personal: true, birth: true }],
	['panelist', { role: 'panelist', unitId: null }, { personal: false, birth: true }],
	[
		'observer (shared screen)',
		{ role: 'observer', unitId: null },
		{ personal: false, birth: false }
	],
	['the submitting unit', { role: 'unit', unitId: OWN_UNIT }, { personal: true, birth: true }],
	['another unit', { role: 'unit', unitId: OWN_UNIT + 1 }, { personal: false, birth: false }]
];

describe('nominationFor', () => {
	const person = individual({ employer: '某街道办事处' });
	const group = collective();
	for (const [who, actor, may] of viewers) {
		test(`${who}: individual`, () => {
			const seen = nominationFor(actor, scope, person);
			if (seen.track !== 'individual') throw new Error('track changed');
			expect(seen.person.idNumber).toBe(may.personal ? person.person.idNumber : HIDDEN);
			expect(seen.person.phone).toBe(may.personal ? person.person.phone : HIDDEN);
			expect(seen.person.birth).toBe(may.birth ? person.person.birth : HIDDEN);
			expect(seen.person.name).toBe(person.person.name);
			expect(seen.person.deeds).toBe(person.person.deeds);
		});
		test(`${who}: collective`, () => {
			const seen = nominationFor(actor, scope, group);
			if (seen.track !== 'collective') throw new Error('track changed');
			expect(seen.collective.address).toBe(may.personal ? group.collective.address : HIDDEN);
			expect(seen.collective.postcode).toBe(may.personal ? group.collective.postcode : HIDDEN);
			expect(seen.collective.name).toBe(group.collective.name);
		});
	}

	test('every field described as personal is hidden from the panel, whatever the form', () => {
		const panelist: Actor = { role: 'panelist', unitId: null };
		for (const nomination of [individual(), collective(), suggestion()]) {
			const form = approvalForms[nomination.track];
			const seen = nominationFor(panelist, scope, nomination) as unknown as Record<
				string,
				Record<string, unknown>
			>;
			for (const field of form.fields.filter((f) => f.privacy === 'personal'))
				expect(seen[form.section]![field.key], field.key).toBe(HIDDEN);
		}
	});

	test('keys the form does not describe never leave, nor does the board block', () => {
		const person = individual();
		const tampered = {
			...person,
			board: { stage: 'proposed' },
			person: { ...person.person, secretNote: '110101199003070012' }
		} as unknown as typeof person;
		const seen = nominationFor({ role: 'panelist', unitId: null }, scope, tampered);
		expect(JSON.stringify(seen)).not.toContain('110101199003070012');
		expect(seen.board).toBeUndefined();
	});
});
