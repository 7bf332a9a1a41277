import { describe, expect, test } from 'vitest';
import {
	canChairMeeting,
	canComment,
	canDownloadApprovalForm,
	canExport,
	canImport,
	canManageMembers,
	canMove,
	canReadComments,
	canRecord,
	canRestoreBackup,
	canViewBoard,
	canViewCandidate,
	canViewOwnUnit,
	canVote,
	roleChangeRefusal,
	seesBirthMonth,
	seesPersonalData,
	type Actor
} from '../../src/lib/permissions';
import { roles, type Role } from '../../src/lib/roles';

const actor = (role: Role, unitId: number | null = null): Actor => ({ role, unitId });
const OWN = { unitId: 7 };
const OTHER = { unitId: 8 };

describe('campaign capabilities', () => {
	// Each capability and the roles that have it; every other role must not.
	const table: [string, (a: Actor) => boolean, Role[]][] = [
		['canViewBoard', canViewBoard, ['admin', 'secretary', 'panelist', 'observer']],
		['canMove', canMove, ['secretary']],
		['canRecord', canRecord, ['secretary']],
		['canManageMembers', canManageMembers, ['admin', 'secretary']],
		['canRestoreBackup', canRestoreBackup, ['admin', 'secretary']],
		['canExport', canExport, ['secretary']],
		['canChairMeeting', canChairMeeting, ['secretary']],
		['canImport', canImport, ['secretary', 'unit']]
	];
	for (const [name, capability, allowed] of table) {
		for (const role of roles) {
			test(`${name}: ${role} → ${allowed.includes(role)}`, () => {
				expect(capability(actor(role, role === 'unit' ? 7 : null))).toBe(allowed.includes(role));
			});
		}
	}
	test('canViewOwnUnit needs a unit account tied to a unit', () => {
		expect(canViewOwnUnit(actor('unit', 7))).toBe(true);
		expect(canViewOwnUnit(actor('unit', null))).toBe(false);
		expect(canViewOwnUnit(actor('secretary'))).toBe(false);
	});
	test('canImport: a unit account only when tied to a unit', () => {
		expect(canImport(actor('unit', 7))).toBe(true);
		expect(canImport(actor('unit', null))).toBe(false);
	});
});

describe('per-candidate capabilities', () => {
	const cases: [string, Actor, { unitId: number }, boolean, boolean, boolean, boolean][] = [
		// who, actor, candidate, views it, sees personal data, sees birth month, downloads the form
		['secretary', actor('secretary'), OTHER, true, true, true, true],
		['admin', actor('admin'), OTHER, true, true, true, true],
		['panelist', actor('panelist'), OTHER, true, false, true, true],
		['observer (shared screen)', actor('observer'), OTHER, true, false, false, false],
		['unit, own nomination', actor('unit', 7), OWN, true, true, true, true],
		["unit, another unit's", actor('unit', 7), OTHER, false, false, false, false],
		['unit account tied to no unit', actor('unit', null), OWN, false, false, false, false]
	];
	for (const [who, a, candidate, views, personal, birth, downloads] of cases) {
		test(who, () => {
			expect(canViewCandidate(a, candidate)).toBe(views);
			expect(seesPersonalData(a, candidate)).toBe(personal);
			expect(seesBirthMonth(a, candidate)).toBe(birth);
			expect(canDownloadApprovalForm(a, candidate)).toBe(downloads);
		});
	}
});

describe('comments and votes with recusal', () => {
	const cases: [Role, boolean, boolean, boolean, boolean][] = [
		// role, recused, reads comments, writes comments, votes
		['secretary', false, true, true, false],
		['panelist', false, true, true, true],
		['panelist', true, false, false, false],
		['observer', false, true, false, false],
		['unit', false, false, false, false],
		['admin', false, true, false, false]
	];
	for (const [role, recused, reads, writes, votes] of cases) {
		test(`${role}${recused ? ' (recused)' : ''}`, () => {
			const scope = { unitId: 7, recused };
			expect(canReadComments(actor(role, role === 'unit' ? 7 : null), scope)).toBe(reads);
			expect(canComment(actor(role), scope)).toBe(writes);
			expect(canVote(actor(role), scope)).toBe(votes);
		});
	}
});

describe('roleChangeRefusal', () => {
	type Manager = Actor & { userId: number };
	const secretary: Manager = { role: 'secretary', unitId: null, userId: 1 };
	const admin: Manager = { role: 'admin', unitId: null, userId: 2 };
	const panelist: Manager = { role: 'panelist', unitId: null, userId: 3 };
	const cases: [string, Manager, { userId: number; role: Role }, Role, boolean][] = [
		[
			'secretary makes a panelist an observer',
			secretary,
			{ userId: 5, role: 'panelist' },
			'observer',
			true
		],
		['secretary demotes the administrator', secretary, { userId: 2, role: 'admin' }, 'unit', false],
		['secretary grants administrator', secretary, { userId: 5, role: 'panelist' }, 'admin', false],
		['secretary changes own role', secretary, { userId: 1, role: 'secretary' }, 'panelist', false],
		['administrator grants administrator', admin, { userId: 5, role: 'panelist' }, 'admin', true],
		[
			'administrator demotes another administrator',
			admin,
			{ userId: 9, role: 'admin' },
			'secretary',
			true
		],
		['panelist changes anyone', panelist, { userId: 5, role: 'observer' }, 'panelist', false]
	];
	for (const [name, who, target, to, allowed] of cases) {
		test(name, () => {
			const refusal = roleChangeRefusal(who, target, to);
			if (allowed) expect(refusal).toBeNull();
			else expect(refusal).toMatch(/[\u4e00-\u9fa5]/);
		});
	}
});
