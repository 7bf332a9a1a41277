import { defineConfig } from 'vitest/config';
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
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
