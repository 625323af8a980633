import { databasePath, migrateDb, openDb } from '@/db/client';

const db = openDb(databasePath());
migrateDb(db);
db.$client.close();
console.log(`Migrated ${databasePath()}`);
