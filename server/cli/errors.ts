/** Errors the CLI turns into exit codes; their messages are shown to the operator as they are. */

/** Bad usage (unknown command, missing option): exit 2 with the usage text. */
export class UsageError extends Error {}

/** The input file cannot be read or is not `shortlist/v1`: exit 2, reason on stderr, no usage. */
export class InputFileError extends Error {}

/** Writes text to a stream and waits until it is flushed, so a large output survives the exit. */
export function writeOut(text: string, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
	return new Promise((resolve, reject) => {
		stream.write(text, (error) => (error ? reject(error) : resolve()));
	});
}

/**
 * The reason of a failure without its SQL: drizzle wraps database errors as "Failed query: …
 * params: …", and the parameters hold personal data that must not reach a terminal or log.
 */
export function reasonOf(error: unknown): string {
	const cause = (error as { cause?: unknown } | null)?.cause;
	if (cause instanceof Error) return cause.message;
	return error instanceof Error ? error.message : String(error);
}
