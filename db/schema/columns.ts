import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

// Instants are Unix milliseconds; date-only values are 'YYYY-MM-DD' text; money is integer cents;
// percentages are integer basis points (2500 = 25 %).
export const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
export const createdAt = () => integer('created_at').notNull().default(now);
export const updatedAt = () => integer('updated_at').notNull().default(now);
