/** Opening the database for the CLI commands that need one (validate does not). */
import { readConfig, type Config } from '../../src/lib/server/config';
import { openDatabase, type Database } from '../../src/lib/server/db';

/** Opens the configured database (PostgreSQL or the embedded one), runs `work`, closes it. */
export async function withDatabase<T>(
	work: (database: Database, config: Config) => Promise<T>
): Promise<T> {
	const config = readConfig();
	const database = await openDatabase({
		url: config.databaseUrl,
		dataDir: config.dataDir,
		migrationsFolder: config.migrationsFolder
	});
	try {
		return await work(database, config);
	} finally {
		await database.close();
	}
}
