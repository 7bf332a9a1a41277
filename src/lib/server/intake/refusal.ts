/** A file refused as a whole (broken, foreign, too large, of an old format): nothing is written. */
export class IntakeRefusal extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'IntakeRefusal';
	}
}
