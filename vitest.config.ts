import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Unit and integration tests. Integration tests get a fresh database per file
 * (PGlite in memory, or a database cloned from a migrated template on PostgreSQL
 * when DATABASE_URL is set): see tests/helpers/db.ts.
 */
export default defineConfig({
	resolve: {
		alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) }
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		expect: { requireAssertions: true },
		// One file per core, not Vitest's cores − 1: most files wait on PostgreSQL, LibreOffice,
		// child processes and sockets, so on two cores the suite takes ~60 % of the time.
		maxWorkers: availableParallelism(),
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
