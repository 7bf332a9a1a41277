import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tracks } from '$lib/domain/campaign';
import { canChairMeeting, canMove, canViewBoard } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { campaign } from '$lib/server/db/schema';
import { getRuntime } from '$lib/server/runtime';
import {
	castVote,
	closeRound,
	declareConflict,
	endMeeting,
	MeetingRefusal,
	meetingActor,
	openRound,
	setAttendance,
	setCurrentCandidate,
	startMeeting,
	type MeetingActor
} from '$lib/server/votes/meeting';
import { proposePassing } from '$lib/server/votes/propose';
import { meetingView } from '$lib/server/votes/view';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, depends, url }) => {
	const role = requireAccess(locals, params.campaignId, canViewBoard);
	depends(`meeting:${role.campaignId}`);
	const { db } = await getRuntime();
	const [owner] = await db
		.select({ name: campaign.name, parameters: campaign.parameters, seq: campaign.eventSeq })
		.from(campaign)
		.where(eq(campaign.id, role.campaignId));
	const view = await meetingView(db, role.campaignId, { id: role.userId, role: role.role });
	return {
		campaignId: role.campaignId,
		campaignName: owner!.name,
		parameters: owner!.parameters,
		seq: owner!.seq,
		role: role.role,
		userId: role.userId,
		canChair: canChairMeeting(role),
		canPropose: canMove(role),
		/** The shared screen: the observer account always, anyone with ?screen=1. */
		screen: role.role === 'observer' || url.searchParams.get('screen') === '1',
		view
	};
}) satisfies PageServerLoad;

type Locals = App.Locals;

function actorOf(locals: Locals, campaignId: string): MeetingActor {
	return meetingActor(requireAccess(locals, campaignId, canViewBoard));
}

/** Runs a meeting action; a refusal becomes a 400 with its Chinese message. */
async function run<T>(work: () => Promise<T>) {
	try {
		return { ok: true as const, result: await work() };
	} catch (error) {
		if (error instanceof MeetingRefusal)
			return fail(400, { message: error.message, code: error.code });
		throw error;
	}
}

const id = z.coerce.number().int().positive();
const form = async (request: Request) => Object.fromEntries(await request.formData());

export const actions = {
	start: async ({ locals, params }) => {
		const actor = actorOf(locals, params.campaignId);
		const { db } = await getRuntime();
		return run(() => startMeeting(db, { campaignId: Number(params.campaignId), actor }));
	},
	end: async ({ locals, params }) => {
		const actor = actorOf(locals, params.campaignId);
		const { db } = await getRuntime();
		return run(() => endMeeting(db, { campaignId: Number(params.campaignId), actor }));
	},
	attendance: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const parsed = z
			.object({ userId: id, present: z.enum(['true', 'false']) })
			.safeParse(await form(request));
		if (!parsed.success) return fail(400, { message: '签到请求不完整。' });
		const { db } = await getRuntime();
		return run(() =>
			setAttendance(db, {
				campaignId: Number(params.campaignId),
				userId: parsed.data.userId,
				present: parsed.data.present === 'true',
				actor
			})
		);
	},
	current: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const parsed = z.object({ candidateId: id.optional() }).safeParse(await form(request));
		if (!parsed.success) return fail(400, { message: '请选择候选对象。' });
		const { db } = await getRuntime();
		return run(() =>
			setCurrentCandidate(db, {
				campaignId: Number(params.campaignId),
				candidateId: parsed.data.candidateId ?? null,
				actor
			})
		);
	},
	open: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const data = await request.formData();
		const parsed = z
			.object({
				candidateIds: z.array(id).min(1).max(1000),
				track: z.enum(tracks).optional()
			})
			.safeParse({
				candidateIds: data.getAll('candidateId'),
				track: data.get('track') || undefined
			});
		if (!parsed.success) return fail(400, { message: '请选择要表决的候选对象。' });
		const { db } = await getRuntime();
		return run(() =>
			openRound(db, {
				campaignId: Number(params.campaignId),
				candidateIds: parsed.data.candidateIds,
				competitiveTrack: parsed.data.track,
				actor
			})
		);
	},
	close: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const parsed = z.object({ roundId: id }).safeParse(await form(request));
		if (!parsed.success) return fail(400, { message: '找不到这一轮表决。' });
		const { db } = await getRuntime();
		return run(() =>
			closeRound(db, { campaignId: Number(params.campaignId), roundId: parsed.data.roundId, actor })
		);
	},
	vote: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const parsed = z
			.object({ roundId: id, candidateId: id, choice: z.enum(['approve', 'reject', 'abstain']) })
			.safeParse(await form(request));
		if (!parsed.success) return fail(400, { message: '请选择同意、不同意或弃权。' });
		const { db } = await getRuntime();
		return run(() =>
			castVote(db, { campaignId: Number(params.campaignId), ...parsed.data, actor })
		);
	},
	conflict: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const parsed = z
			.object({ candidateId: id, userId: id, reason: z.string().max(500) })
			.safeParse(await form(request));
		if (!parsed.success) return fail(400, { message: '请填写回避理由。' });
		const { db } = await getRuntime();
		return run(() =>
			declareConflict(db, { campaignId: Number(params.campaignId), ...parsed.data, actor })
		);
	},
	propose: async ({ locals, params, request }) => {
		const actor = actorOf(locals, params.campaignId);
		const parsed = z.object({ roundId: id }).safeParse(await form(request));
		if (!parsed.success) return fail(400, { message: '找不到这一轮表决。' });
		const { db } = await getRuntime();
		return run(() =>
			proposePassing(db, {
				campaignId: Number(params.campaignId),
				roundId: parsed.data.roundId,
				actor
			})
		);
	}
} satisfies Actions;
