// Bundles server/index.ts next to the adapter-node output (build/server.js). Packages stay
// external and load from node_modules — except data files imported as JSON (the official
// holiday calendar), which Node 20 cannot import without an import attribute, so they are inlined.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const inlined = new Set(['chinese-days']);
const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
	.filter((name) => !inlined.has(name))
	.flatMap((name) => [name, `${name}/*`]);

// The approval-form worker (src/lib/server/export/form-pool.ts) beside it: build/form-worker.js.
await build({
	entryPoints: {
		server: 'server/index.ts',
		'form-worker': 'src/lib/server/export/form-worker.ts'
	},
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	external,
	sourcemap: true,
	logLevel: 'warning'
});
