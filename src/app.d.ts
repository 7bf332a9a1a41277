import type { SessionValidationResult } from '$lib/server/auth/session';
import type { CampaignRole } from '$lib/server/memberships';
import type { PageData as CandidatePageData } from './routes/(app)/c/[campaignId]/candidates/[candidateId]/$types';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
			/** The signed-in user's roles per campaign; empty when signed out. */
			roles: CampaignRole[];
		}
		interface PageState {
			/** The candidate open in the board's side panel (shallow routing). */
			candidate?: CandidatePageData;
		}
		interface Error {
			message: string;
			/** Reference the user can quote to the operator; the details stay in the log. */
			errorId?: string;
		}
	}
}

export {};
