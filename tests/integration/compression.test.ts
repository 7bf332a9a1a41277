import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withCompression } from '../../server/compression';

/**
 * Responses are compressed by Accept-Encoding (brotli preferred), as a stream, when they are worth
 * it; what is already compressed or tiny is sent as it is.
 */
const page = `<!doctype html><html><body>${'<div class="card">重庆市人大代表履职贡献奖</div>'.repeat(2000)}</body></html>`;
const data = JSON.stringify({
	cards: Array.from({ length: 500 }, (_, id) => ({ id, stage: 'joint' }))
});

let server: http.Server;
let base: string;

beforeAll(async () => {
	server = http.createServer(
		withCompression((request, response) => {
			const url = request.url ?? '/';
			if (url === '/page') {
				response.setHeader('content-type', 'text/html; charset=utf-8');
				// Written in pieces, as SvelteKit streams a page.
				for (let at = 0; at < page.length; at += 8192) response.write(page.slice(at, at + 8192));
				response.end();
			} else if (url === '/__data.json') {
				response.setHeader('content-type', 'application/json');
				response.end(data);
			} else if (url === '/tiny') {
				response.setHeader('content-type', 'application/json');
				response.end('{"ok":true}');
			} else {
				response.setHeader('content-type', 'application/zip');
				response.end(Buffer.alloc(64 * 1024, 7));
			}
		})
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET: status headers and the body bytes exactly as sent. */
function get(path: string, acceptEncoding?: string) {
	return new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
		const request = http.get(
			`${base}${path}`,
			{ headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						encoding: response.headers['content-encoding'],
						body: Buffer.concat(chunks)
					})
				);
			}
		);
		request.on('error', reject);
	});
}

const decode: Record<string, (body: Buffer) => Buffer> = {
	br: (body) => zlib.brotliDecompressSync(body),
	gzip: (body) => zlib.gunzipSync(body),
	identity: (body) => body
};

describe('withCompression', () => {
	const cases: [string, string, string | undefined, string][] = [
		// path, Accept-Encoding, expected Content-Encoding, expected text
		['/page', 'gzip, deflate, br', 'br', page],
		['/page', 'gzip', 'gzip', page],
		['/page', '', undefined, page],
		['/__data.json', 'br', 'br', data],
		['/__data.json', 'gzip', 'gzip', data],
		['/tiny', 'br', undefined, '{"ok":true}']
	];
	for (const [path, accept, expected, text] of cases) {
		test(`${path} with “${accept}” → ${expected ?? 'as is'}`, async () => {
			const { encoding, body } = await get(path, accept || undefined);
			expect(encoding).toBe(expected);
			expect(decode[encoding ?? 'identity']!(body).toString('utf8')).toBe(text);
			if (expected) expect(body.length).toBeLessThan(Buffer.byteLength(text) / 5);
		});
	}

	test('a zip (already compressed) is sent as it is', async () => {
		const { encoding, body } = await get('/approval-forms.zip', 'gzip, br');
		expect(encoding).toBeUndefined();
		expect(body.length).toBe(64 * 1024);
	});
});
