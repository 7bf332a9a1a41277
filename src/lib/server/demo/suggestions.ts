import type { Registry } from './identity';
import type { Rng } from './prng';
import type { SuggestionTopic } from './suggestion-topics';
import { RECOMMENDATION_REASONS } from './suggestion-topics';
import type { SuggestionRecord } from './types';

/** Sessions of the 5th municipal people's congress so far (2018–2022), in Chinese numerals. */
const SESSIONS = ['一', '二', '三', '四', '五'];

/**
 * A registry-unique suggestion number in one of the two official formats:
 * `市五届人大X次会议XXXX号` (during a session) or `市五届人大X次会议闭会XXXX号` (in recess).
 */
export function drawSuggestionNumber(rng: Rng, registry: Registry): string {
	for (;;) {
		const session = rng.pick(SESSIONS);
		const inRecess = rng.chance(0.3);
		const serial = String(inRecess ? rng.int(1, 320) : rng.int(1, 1180)).padStart(4, '0');
		const number = `市五届人大${session}次会议${inRecess ? '闭会' : ''}${serial}号`;
		if (!registry.suggestionNumbers.has(number)) {
			registry.suggestionNumbers.add(number);
			return number;
		}
	}
}

/** What a suggestion nomination is made of, besides its number. */
export interface SuggestionParts {
	topic: SuggestionTopic;
	/** Short district name substituted for `{d}`. */
	districtShort: string;
	liaisonGroup: string;
	/** The lead deputy, or the delegation's name for a 全团建议. */
	leadDeputy: string;
	delegation: boolean;
	number: string;
}

/** The `suggestion` block of a nomination. */
export function buildSuggestion(rng: Rng, parts: SuggestionParts): SuggestionRecord {
	const local = (text: string): string => text.replaceAll('{d}', parts.districtShort);
	return {
		leadDeputy: parts.leadDeputy,
		liaisonGroup: parts.liaisonGroup,
		number: parts.number,
		title: local(parts.topic.title),
		summary: local(parts.topic.summary),
		reason: rng.pick(RECOMMENDATION_REASONS),
		delegation: parts.delegation
	};
}
