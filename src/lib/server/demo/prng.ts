/** A small seeded pseudo-random source; the only randomness the demo generator uses. */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One element of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** A shuffled copy of the list (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[];
}

/** FNV-1a hash of a string to an unsigned 32-bit integer, used to derive independent streams. */
export function hashLabel(label: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		hash ^= label.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/** mulberry32: a 32-bit state generator, good enough for synthetic data and fully deterministic. */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => {
		const item = items[int(0, items.length - 1)];
		if (item === undefined) throw new Error('pick from an empty list');
		return item;
	};
	const shuffle = <T>(items: readonly T[]): T[] => {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = int(0, i);
			[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
		}
		return copy;
	};
	return { next, int, chance: (p) => next() < p, pick, shuffle };
}

/**
 * A stream for one part of the demo (a unit, a registry), so that changing how one part draws
 * numbers does not shift every other part.
 */
export function forkRng(seed: number, label: string): Rng {
	return createRng((hashLabel(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}
