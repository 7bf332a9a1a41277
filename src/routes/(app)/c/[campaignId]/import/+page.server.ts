import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { nominationTracks, trackLabels } from '$lib/domain/campaign';
import { approvalFormOf } from '$lib/domain/approval-forms';
import { canImport } from '$lib/permissions';
import { requireAccess } from '$lib/server/auth/guard';
import { unit } from '$lib/server/db/schema';
import { ImportRefusedError } from '$lib/server/import/preflight';
import { IntakeRefusal } from '$lib/server/intake/refusal';
import { templateFileName } from '$lib/server/intake/template';
import {
	confirmUpload,
	previewUpload,
	type Uploader,
	type UploadFile
} from '$lib/server/intake/upload';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The upload page: templates to download, and whose nominations the account may import. */
export const load = (async ({ locals, params }) => {
	const role = requireAccess(locals, params.campaignId, canImport);
	const { db } = await getRuntime();
	const [own] = role.unitId
		? await db.select({ name: unit.name }).from(unit).where(eq(unit.id, role.unitId))
		: [];
	return {
		campaignId: role.campaignId,
		role: role.role,
		unitName: own?.name ?? null,
		templates: nominationTracks.map((track) => ({
			track,
			label: trackLabels[track],
			attachment: approvalFormOf(track).attachment,
			fileName: templateFileName(track)
		}))
	};
}) satisfies PageServerLoad;

/** The files of the form's `files` field, as bytes. */
async function uploadedFiles(data: FormData): Promise<UploadFile[]> {
	const files = data
		.getAll('files')
		.filter((value): value is File => value instanceof File && value.name !== '');
	return Promise.all(
		files.map(async (file) => ({
			name: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		}))
	);
}

/** A refusal the page shows: the intake's or the import's Chinese message; anything else is a 500. */
function refused(error: unknown) {
	if (error instanceof IntakeRefusal) return fail(400, { refusal: error.message });
	if (error instanceof ImportRefusedError) return fail(400, { refusal: error.problems.join('\n') });
	throw error;
}

export const actions = {
	/** Reads the files and shows what an import would do; writes nothing. */
	preview: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canImport);
		const uploader: Uploader = { id: role.userId, name: role.userName, access: role };
		const { db } = await getRuntime();
		try {
			const files = await uploadedFiles(await request.formData());
			return { preview: await previewUpload(db, role.campaignId, uploader, files) };
		} catch (error) {
			return refused(error);
		}
	},
	/** Reads the same files again and imports them, all or nothing. */
	confirm: async ({ locals, params, request }) => {
		const role = requireAccess(locals, params.campaignId, canImport);
		const uploader: Uploader = { id: role.userId, name: role.userName, access: role };
		const { db } = await getRuntime();
		try {
			const data = await request.formData();
			const files = await uploadedFiles(data);
			const digest = String(data.get('digest') ?? '');
			if (files.length === 0 || digest === '')
				return fail(400, {
					refusal: '请重新选择预览过的文件，先点“预览”核对，再点“确认导入”。'
				});
			return { imported: await confirmUpload(db, role.campaignId, uploader, files, digest) };
		} catch (error) {
			return refused(error);
		}
	}
} satisfies Actions;
