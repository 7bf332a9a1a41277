// Bundles server/index.ts next to the adapter-node output (build/server.js). Packages stay
// external and are loaded from node_modules; the SvelteKit handler is loaded at run time.
import { build } from 'esbuild';

await build({
	entryPoints: ['server/index.ts'],
	outfile: 'build/server.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
