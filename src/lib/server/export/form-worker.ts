/**
 * A worker thread of the approval-form pool (form-pool.ts): builds the .docx of each nomination
 * it is sent and posts the bytes back. Bundled as build/form-worker.js for production; run from
 * this source (through tsx) in development and tests.
 */
import { parentPort } from 'node:worker_threads';
import { approvalFormDocx, type FormNomination } from './approval-form';

/**
 * A job: the nomination of one form with its unit's 推荐单位 (structured-cloned whole), numbered
 * so the answer finds its caller.
 */
export interface FormJob {
	id: number;
	nomination: FormNomination;
}
/** The answer: the form's bytes, or why it could not be built. */
export type FormAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string };

async function answer(job: FormJob): Promise<FormAnswer> {
	try {
		return { id: job.id, bytes: await approvalFormDocx(job.nomination) };
	} catch (error) {
		return { id: job.id, error: String(error) };
	}
}

parentPort?.on('message', (job: FormJob) => {
	void answer(job).then((reply) => parentPort!.postMessage(reply));
});
