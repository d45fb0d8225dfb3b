// SQL NULL for a nullable Json column. Both generated clients share Prisma's runtime, so the SQLite
// client's value serves PostgreSQL too. Kept apart from ./index so importing it opens no connection.
import { Prisma } from "./generated/sqlite/client";

export const DbNull = Prisma.DbNull;
