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
