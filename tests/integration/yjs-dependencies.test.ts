/**
 * The co-editing stack is pinned and deduplicated: every `@tiptap/*` at one exact version, yjs
 * 13.6.x, y-websocket 3.1.0, all in `dependencies`; and npm resolves exactly one yjs (two copies
 * would break Yjs' constructor checks and silently split documents).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
	dependencies: Record<string, string>;
	devDependencies: Record<string, string>;
};

interface NpmTree {
	version?: string;
	dependencies?: Record<string, NpmTree>;
}

/** Every resolved version of `name` in the installed tree. */
function versionsOf(tree: NpmTree, name: string, found = new Set<string>()): Set<string> {
	for (const [dependency, node] of Object.entries(tree.dependencies ?? {})) {
		if (dependency === name && node.version) found.add(node.version);
		versionsOf(node, name, found);
	}
	return found;
}

describe('co-editing dependencies', () => {
	const pins = [
		{ name: '@tiptap/core', version: /^3\.31\.3$/ },
		{ name: '@tiptap/pm', version: /^3\.31\.3$/ },
		{ name: '@tiptap/starter-kit', version: /^3\.31\.3$/ },
		{ name: '@tiptap/extension-collaboration', version: /^3\.31\.3$/ },
		{ name: '@tiptap/extension-collaboration-caret', version: /^3\.31\.3$/ },
		{ name: '@tiptap/y-tiptap', version: /^3\.0\.9$/ },
		{ name: 'yjs', version: /^13\.6\.\d+$/ },
		{ name: 'y-protocols', version: /^\d+\.\d+\.\d+$/ },
		{ name: 'y-websocket', version: /^3\.1\.0$/ },
		{ name: 'lib0', version: /^\d+\.\d+\.\d+$/ }
	];
	for (const pin of pins) {
		test(`${pin.name} is a dependency pinned exactly (${pin.version.source})`, () => {
			expect(manifest.dependencies[pin.name]).toMatch(pin.version);
		});
	}

	test('the reference server for the bench is a devDependency only', () => {
		expect(manifest.devDependencies['@y/websocket-server']).toBe('0.1.1');
		expect(manifest.dependencies['@y/websocket-server']).toBeUndefined();
	});

	test('npm resolves one yjs, one y-protocols, one lib0 and one version of each @tiptap package', () => {
		const tree = JSON.parse(
			execFileSync('npm', ['ls', '--all', '--json'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore']
			})
		) as NpmTree;
		expect([...versionsOf(tree, 'yjs')]).toEqual([manifest.dependencies.yjs]);
		expect([...versionsOf(tree, 'y-protocols')]).toEqual([manifest.dependencies['y-protocols']]);
		expect([...versionsOf(tree, 'lib0')]).toEqual([manifest.dependencies.lib0]);
		const tiptap = Object.keys(manifest.dependencies).filter(
			(name) => name.startsWith('@tiptap/') && name !== '@tiptap/y-tiptap'
		);
		for (const name of tiptap) expect([...versionsOf(tree, name)]).toEqual(['3.31.3']);
	});
});
