/**
 * Approval forms built on worker threads, so a zip of hundreds of forms uses the machine's cores
 * while the main thread keeps serving: a small pool (one worker per core, at most 4, none on a
 * single core) started on first use and stopped after a minute idle. Where no worker script can
 * be found (or a worker fails to start) the forms are built on the calling thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { approvalFormDocx, type FormNomination } from './approval-form';
import type { FormAnswer, FormJob } from './form-worker';

/** How long an idle pool keeps its workers. */
const idleMs = 60_000;

/**
 * How to start a worker: the bundled script beside build/server.js (production), or this
 * folder's TypeScript source loaded through tsx's loader (development, tests, benches).
 */
function workerScript(): { code: string; eval: boolean } | null {
	const entry = process.argv[1];
	const bundled = entry ? path.join(path.dirname(entry), 'form-worker.js') : '';
	if (bundled && existsSync(bundled)) return { code: bundled, eval: false };
	try {
		const source = new URL('./form-worker.ts', import.meta.url);
		if (existsSync(fileURLToPath(source)))
			return {
				code: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`,
				eval: true
			};
	} catch {
		// import.meta.url is not a file: no source to run.
	}
	return null;
}

interface Slot {
	worker: Worker;
	busy: number;
}

class FormPool {
	private slots: Slot[] = [];
	private waiting = new Map<
		number,
		{
			nomination: FormNomination;
			resolve: (b: Buffer) => void;
			reject: (e: Error) => void;
			slot: Slot;
		}
	>();
	private next = 1;
	private idle: NodeJS.Timeout | null = null;
	private failed = false;

	constructor(private readonly size: number) {}

	/** Workers running now (0 before the first form, after a failure, or when stopped). */
	get running(): number {
		return this.slots.length;
	}

	/** Forms that can be under way at once (for the caller's look-ahead). */
	get width(): number {
		return this.failed ? 1 : Math.max(1, this.size);
	}

	/** The form of `nomination` (its unit's 推荐单位 included) as .docx bytes, on the least busy worker. */
	build(nomination: FormNomination): Promise<Buffer> {
		if (this.failed || this.size === 0) return approvalFormDocx(nomination);
		if (this.slots.length === 0 && !this.start()) return approvalFormDocx(nomination);
		this.touch();
		const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
		const id = this.next++;
		slot.busy++;
		slot.worker.ref();
		return new Promise<Buffer>((resolve, reject) => {
			this.waiting.set(id, { nomination, resolve, reject, slot });
			slot.worker.postMessage({ id, nomination } satisfies FormJob);
		});
	}

	private start(): boolean {
		const script = workerScript();
		if (!script) {
			this.failed = true;
			return false;
		}
		for (let i = 0; i < this.size; i++) {
			const worker = new Worker(script.code, { eval: script.eval });
			const slot: Slot = { worker, busy: 0 };
			worker.on('message', (answer: FormAnswer) => this.answer(answer));
			worker.on('error', (error) => this.fail(slot, error));
			worker.on('exit', () => this.fail(slot, new Error('approval-form worker exited')));
			worker.unref();
			this.slots.push(slot);
		}
		return true;
	}

	private answer(answer: FormAnswer) {
		const pending = this.waiting.get(answer.id);
		if (!pending) return;
		this.waiting.delete(answer.id);
		pending.slot.busy--;
		if (pending.slot.busy === 0) pending.slot.worker.unref();
		if ('error' in answer) pending.reject(new Error(answer.error));
		else
			pending.resolve(
				Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength)
			);
	}

	/** A worker that failed: its jobs are built here instead, and so is every form from now on. */
	private fail(slot: Slot, error: Error) {
		if (!this.slots.includes(slot)) return;
		this.failed = true;
		console.error('审批表生成线程出错，改在主线程生成：', error.message);
		this.stop();
	}

	private touch() {
		if (this.idle) clearTimeout(this.idle);
		this.idle = setTimeout(() => this.stop(), idleMs);
		this.idle.unref();
	}

	/** Stops the workers; jobs still waiting are built on this thread instead. */
	stop() {
		if (this.idle) clearTimeout(this.idle);
		const slots = this.slots;
		this.slots = [];
		for (const slot of slots) void slot.worker.terminate();
		for (const [id, pending] of this.waiting) {
			this.waiting.delete(id);
			approvalFormDocx(pending.nomination).then(pending.resolve, pending.reject);
		}
	}
}

/** Workers: one per core up to 4; none on a single core (the main thread builds then). */
const size = Math.min(4, availableParallelism() > 1 ? availableParallelism() : 0);

/** The process's pool of approval-form builders. */
export const formPool = new FormPool(size);
