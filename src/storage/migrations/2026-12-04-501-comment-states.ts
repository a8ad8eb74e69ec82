// The moderation desk lists one state newest first and the newsroom's menu counts what is
// pending on every page: both read comments by (status, id), which no index served (a count of
// pending comments scanned the table).
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('comments_status').on('comments').columns(['status', 'id']).execute();
}
