import { defineConfig } from 'drizzle-kit';

/** Generates SQL migrations into drizzle/ from the one schema; they are applied at start. */
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql'
});
