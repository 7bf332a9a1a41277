import net from 'node:net';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/lib/server/runtime';
import { createCampaign } from '../../src/lib/server/seed';
import { createUser, setMembership } from '../../src/lib/server/users';
import {
	commitEvent,
	endedByPeer,
	openClient,
	ORIGIN,
	rawUpgrade,
	sessionCookie,
	startSocketServer,
	testRuntimes,
	type Client,
	type SocketServer,
	type TestRuntimes
} from '../helpers/socket-server';

/**
 * Issue 7, finding 1: one WebSocket frame must never end the process. Each bad frame is written
 * as raw bytes on a TCP connection that completed a real handshake to `/live/<campaign>`; only
 * that socket closes (with the protocol's code), while a healthy board socket keeps receiving
 * events and HTTP keeps answering.
 */

/** Options of a hand-made client frame. */
interface FrameSpec {
	opcode: number;
	payload?: Buffer;
	fin?: boolean;
	rsv1?: boolean;
	/** Client frames must be masked; false sends it bare. */
	masked?: boolean;
	/** The length the header claims, when it is not the payload's. */
	declared?: bigint;
}

const MASK = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

function frame(spec: FrameSpec): Buffer {
	const payload = spec.payload ?? Buffer.alloc(0);
	const masked = spec.masked ?? true;
	const length = spec.declared ?? BigInt(payload.length);
	const first = ((spec.fin ?? true) ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | spec.opcode;
	const maskBit = masked ? 0x80 : 0;
	let header: Buffer;
	if (length < 126n) header = Buffer.from([first, maskBit | Number(length)]);
	else if (length < 65536n) {
		header = Buffer.alloc(4);
		header[0] = first;
		header[1] = maskBit | 126;
		header.writeUInt16BE(Number(length), 2);
	} else {
		header = Buffer.alloc(10);
		header[0] = first;
		header[1] = maskBit | 127;
		header.writeBigUInt64BE(length, 2);
	}
	if (!masked) return Buffer.concat([header, payload]);
	const body = Buffer.from(payload.map((byte, i) => byte ^ MASK[i % 4]!));
	return Buffer.concat([header, MASK, body]);
}

/** Fixed "random" bytes (a linear congruential sequence), so the test is the same every run. */
function noise(length: number, seed: number): Buffer {
	const bytes = Buffer.alloc(length);
	let state = seed;
	for (let i = 0; i < length; i++) {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		bytes[i] = state >> 16;
	}
	return bytes;
}

function closeFrame(code: number): Buffer {
	const payload = Buffer.alloc(2);
	payload.writeUInt16BE(code);
	return frame({ opcode: 0x8, payload });
}

/**
 * Reads the server's frames (after the handshake) until its close frame; resolves with the close
 * code, or -1 if the connection ended without one.
 */
function serverCloseCode(socket: net.Socket, first: Buffer): Promise<number> {
	return new Promise((resolve) => {
		let buffer = first;
		const parse = (): boolean => {
			for (;;) {
				if (buffer.length < 2) return false;
				const opcode = buffer[0]! & 0x0f;
				let length = buffer[1]! & 0x7f;
				let offset = 2;
				if (length === 126) {
					if (buffer.length < 4) return false;
					length = buffer.readUInt16BE(2);
					offset = 4;
				} else if (length === 127) {
					if (buffer.length < 10) return false;
					length = Number(buffer.readBigUInt64BE(2));
					offset = 10;
				}
				if (buffer.length < offset + length) return false;
				if (opcode === 0x8) {
					resolve(length >= 2 ? buffer.readUInt16BE(offset) : 1005);
					return true;
				}
				buffer = buffer.subarray(offset + length);
			}
		};
		if (parse()) return;
		socket.on('data', (chunk: Buffer) => {
			buffer = Buffer.concat([buffer, chunk]);
			parse();
		});
		socket.on('close', () => resolve(-1));
		socket.on('error', () => resolve(-1));
		socket.resume();
	});
}

/** The board socket's largest client frame (server/live-socket.ts). */
const MAX_PAYLOAD = 4 * 1024;

/** Each bad frame, and the close codes the server may answer it with. */
const badFrames: { name: string; bytes: Buffer; codes: number[] }[] = [
	{ name: 'reserved opcode 3', bytes: frame({ opcode: 0x3 }), codes: [1002] },
	{ name: 'reserved control opcode 0xB', bytes: frame({ opcode: 0xb }), codes: [1002] },
	{
		name: 'unmasked text frame',
		bytes: frame({ opcode: 0x1, payload: Buffer.from('hello'), masked: false }),
		codes: [1002]
	},
	{
		name: 'RSV1 set without an extension',
		bytes: frame({ opcode: 0x1, payload: Buffer.from('x'), rsv1: true }),
		codes: [1002]
	},
	{
		name: 'invalid UTF-8 in a text frame',
		bytes: frame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28, 0xff, 0xfe]) }),
		codes: [1007]
	},
	{ name: 'fragmented ping', bytes: frame({ opcode: 0x9, fin: false }), codes: [1002] },
	{
		name: '200-byte ping',
		bytes: frame({ opcode: 0x9, payload: Buffer.alloc(200, 0x61) }),
		codes: [1002]
	},
	{ name: 'length 2^63', bytes: frame({ opcode: 0x2, declared: 2n ** 63n }), codes: [1009] },
	{
		name: 'length 2^53 (over what JavaScript can count)',
		bytes: frame({ opcode: 0x2, declared: 2n ** 53n }),
		codes: [1009]
	},
	{
		name: 'stray continuation frame',
		bytes: frame({ opcode: 0x0, payload: Buffer.from('x') }),
		codes: [1002]
	},
	{ name: 'close code 999', bytes: closeFrame(999), codes: [1002] },
	{ name: 'close code 1005 (reserved)', bytes: closeFrame(1005), codes: [1002] },
	{
		name: 'one byte over maxPayload',
		bytes: frame({ opcode: 0x2, declared: BigInt(MAX_PAYLOAD + 1) }),
		codes: [1009]
	},
	{
		name: 'a frame claiming 2 MiB',
		bytes: frame({ opcode: 0x2, declared: 2n << 20n }),
		codes: [1009]
	},
	{ name: 'random bytes (seed 1)', bytes: noise(64, 1), codes: [1002, 1007, 1009] },
	{ name: 'random bytes (seed 7)', bytes: noise(512, 7), codes: [1002, 1007, 1009] }
];

describe('one WebSocket frame never ends the process', () => {
	let runtimes: TestRuntimes;
	let runtime: Runtime;
	let sockets: SocketServer;
	let campaignId: number;
	let cookie: string;
	let healthy: Client;
	const escaped: unknown[] = [];
	const onEscaped = (error: unknown) => escaped.push(error);

	beforeAll(async () => {
		process.on('uncaughtException', onEscaped);
		process.on('unhandledRejection', onEscaped);
		runtimes = await testRuntimes();
		runtime = await runtimes.start();
		campaignId = await createCampaign(runtime.db, '测试评选');
		const observer = await createUser(runtime.db, {
			username: 'screen',
			displayName: '大屏',
			password: 'not-a-demo-password'
		});
		await setMembership(runtime.db, { userId: observer.id, campaignId, role: 'observer' }, null);
		({ cookie } = await sessionCookie(runtime, observer.id));
		sockets = await startSocketServer(runtime);
		healthy = await openClient(sockets.url(`/live/${campaignId}`), cookie);
	});

	afterAll(async () => {
		healthy?.socket.close();
		await sockets?.stop();
		await runtimes?.destroy();
		process.off('uncaughtException', onEscaped);
		process.off('unhandledRejection', onEscaped);
	});

	afterEach(async () => {
		// The process is alive, the healthy socket still gets events, HTTP still answers.
		const seq = await commitEvent(runtime, campaignId);
		await expect(healthy.next((m) => m.seq === seq)).resolves.toMatchObject({ seq });
		expect(await sockets.httpAnswers()).toBe(true);
		expect(escaped).toEqual([]);
	});

	test.each(badFrames)('$name closes only that socket', async ({ bytes, codes }) => {
		const raw = await rawUpgrade(sockets.port, `/live/${campaignId}`, {
			Origin: ORIGIN,
			Cookie: cookie
		});
		expect(raw.status).toBe(101);
		const closing = serverCloseCode(raw.socket, raw.rest);
		raw.socket.write(bytes);
		expect(codes).toContain(await closing);
		raw.socket.destroy();
	});

	test('a 2 MiB message from a real client (the browser console example) closes with 1009', async () => {
		const client = await openClient(sockets.url(`/live/${campaignId}`), cookie);
		client.socket.send(new Uint8Array(2 << 20));
		expect(await client.closed).toBe(1009);
	});

	test('a valid message on the board socket is ignored, the socket stays open', async () => {
		const client = await openClient(sockets.url(`/live/${campaignId}`), cookie);
		client.socket.send('hello?');
		const seq = await commitEvent(runtime, campaignId);
		await expect(client.next((m) => m.seq === seq)).resolves.toMatchObject({ seq });
		expect(client.socket.readyState).toBe(WebSocket.OPEN);
		client.socket.close();
	});

	test('peers that reset the connection during the handshake end only themselves', async () => {
		const resets = Array.from({ length: 40 }, async (_, i) => {
			const socket = net.connect({ port: sockets.port, host: '127.0.0.1' });
			socket.on('error', () => {});
			await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
			socket.write(
				`GET /live/${campaignId} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Key: ${Buffer.alloc(16, i).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
					`Origin: ${ORIGIN}\r\n${i % 2 ? `Cookie: ${cookie}\r\n` : ''}\r\n`
			);
			socket.resetAndDestroy();
			await endedByPeer(socket, 10_000);
		});
		await Promise.all(resets);
		expect(resets).toHaveLength(40);
	});
});
