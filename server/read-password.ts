/**
 * Reads a password without it ever appearing in argv or the shell history: from a hidden
 * terminal prompt, or the first line of standard input when it is piped.
 */
import { createInterface } from 'node:readline';

export async function readPassword(prompt: string): Promise<string> {
	if (!process.stdin.isTTY) return firstLineOfStdin();
	return new Promise((resolve, reject) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const output = rl as unknown as { _writeToOutput: (text: string) => void };
		process.stdout.write(prompt);
		output._writeToOutput = () => {}; // hide what is typed
		rl.question('', (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
		rl.on('SIGINT', () => reject(new Error('已取消')));
	});
}

async function firstLineOfStdin(): Promise<string> {
	let text = '';
	for await (const chunk of process.stdin) {
		text += String(chunk);
		if (text.includes('\n')) break;
	}
	return text.split(/\r?\n/)[0] ?? '';
}
