/**
 * Compressed responses for the Node server: brotli or gzip by Accept-Encoding, as a stream (the
 * `compression` middleware wraps the response in a zlib stream; nothing buffers a whole page).
 * It compresses what is worth it — HTML, `__data.json`, JSON and scripts above 1 KiB — and leaves
 * alone what is already compressed (zip, docx, xlsx, images) or already encoded (sirv's
 * precompressed assets). WebSocket frames never pass through here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Smallest body worth compressing, in bytes. */
const THRESHOLD = 1024;

/** Wraps an HTTP handler so its responses are compressed when the client accepts it. */
export function withCompression(handler: Handler): Handler {
	const compress = compression({ threshold: THRESHOLD });
	// The middleware is typed for Express; it only uses Node's request and response.
	const middleware = compress as unknown as (
		request: IncomingMessage,
		response: ServerResponse,
		next: () => void
	) => void;
	return (request, response) => middleware(request, response, () => handler(request, response));
}
