/** How a nomination of the JSON interchange becomes the indexed columns of a candidate row. */
import { compositionFlags, isStation, nominationTitle } from '../../domain/candidate-facts';
import { requiredConsultations } from '../../domain/consultations';
import type { Nomination } from '../../domain/interchange';
import type { ConsultationDepartment } from '../../domain/vocabulary';

export interface CandidateColumns {
	track: Nomination['track'];
	title: string;
	subtitle: string;
	naturalKey: string;
	requiredConsultations: ConsultationDepartment[];
	isStation: boolean;
	isDivisionCadre: boolean;
	isMunicipalOrgan: boolean;
	isEnterpriseHead: boolean;
	isGrassroots: boolean;
	submittedAt: string | null;
}

/**
 * The identity of a nomination within its unit and track: the person's ID number (else name and
 * birth), the collective's name, or the suggestion's number (else its title).
 */
export function naturalKeyOf(nomination: Nomination): string {
	switch (nomination.track) {
		case 'individual': {
			const person = nomination.person;
			return person.idNumber.trim().toUpperCase() || `${person.name.trim()}|${person.birth.trim()}`;
		}
		case 'collective':
			return nomination.collective.name.trim();
		case 'suggestion':
			return nomination.suggestion.number.trim() || nomination.suggestion.title.trim();
	}
}

export function candidateColumns(nomination: Nomination): CandidateColumns {
	const caps = compositionFlags(nomination);
	const title = nominationTitle(nomination);
	return {
		track: nomination.track,
		title: title.trim() || `（未填写名称：${nomination.ref}）`,
		subtitle: subtitleOf(nomination),
		naturalKey: naturalKeyOf(nomination),
		requiredConsultations: requiredConsultations(nomination),
		isStation: isStation(nomination),
		isDivisionCadre: caps.division,
		isMunicipalOrgan: caps.municipalOrgan,
		isEnterpriseHead: caps.enterpriseHead,
		isGrassroots: nomination.track === 'individual' && nomination.person.grassrootsFrontline,
		submittedAt: nomination.submittedAt ?? null
	};
}

/** The card's second line: a suggestion's number, a person's post, a collective's kind. */
function subtitleOf(nomination: Nomination): string {
	switch (nomination.track) {
		case 'individual':
			return [nomination.person.employer, nomination.person.position]
				.map((part) => part.trim())
				.filter(Boolean)
				.join(' ');
		case 'collective':
			return nomination.collective.category.trim();
		case 'suggestion':
			return nomination.suggestion.number.trim();
	}
}
