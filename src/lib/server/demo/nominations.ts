import { consultationsFor, requiredDepartments } from './consultations';
import type { UnitSchedule } from './schedule';
import type {
	CollectiveRecord,
	DemoNomination,
	DemoUnit,
	PersonRecord,
	SuggestionRecord
} from './types';

/** Wraps records into nominations of one unit, numbering refs per track (`<slug>-ind-1` …). */
export class UnitNominations {
	readonly items: DemoNomination[] = [];
	#counts = { col: 0, ind: 0, sug: 0 };

	constructor(
		readonly unit: DemoUnit,
		readonly schedule: UnitSchedule
	) {}

	#base<T extends DemoNomination['track']>(track: T) {
		const kind = track === 'individual' ? 'ind' : track === 'collective' ? 'col' : 'sug';
		this.#counts[kind] += 1;
		return {
			ref: `${this.unit.slug}-${kind}-${this.#counts[kind]}`,
			track,
			unit: { name: this.unit.name, kind: this.unit.kind },
			submittedAt: this.schedule.submittedAt,
			unitNotice: { ...this.schedule.unitNotice }
		};
	}

	/** Adds an individual nomination, consulted with every department SPEC §5 requires of it. */
	addPerson(person: PersonRecord): void {
		const consultations = consultationsFor(requiredDepartments(person), this.schedule.consultedOn);
		this.items.push({ ...this.#base('individual'), consultations, person });
	}

	/** Adds a collective nomination, consulted with 组织人事, 纪检监察 and 公安. */
	addCollective(collective: CollectiveRecord): void {
		const consultations = consultationsFor(requiredDepartments(), this.schedule.consultedOn);
		this.items.push({ ...this.#base('collective'), consultations, collective });
	}

	/** Adds a suggestion nomination (suggestions need no consultation). */
	addSuggestion(suggestion: SuggestionRecord): void {
		this.items.push({ ...this.#base('suggestion'), consultations: [], suggestion });
	}
}
