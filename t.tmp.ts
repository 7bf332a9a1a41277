import { openDatabase } from './src/lib/server/db';
import { boardCards } from './src/lib/server/board/cards';
const database = await openDatabase({ url: process.env.DATABASE_URL!, migrationsFolder: 'drizzle' });
for (let i = 0; i < 6; i++) { const t = performance.now(); const c = await boardCards(database.db, 1); console.log(c.length, (performance.now() - t).toFixed(1), 'ms', JSON.stringify(c).length); }
await database.close();
