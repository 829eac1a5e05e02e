/**
 * Schema migrations, run at start-up in order. Written with Kysely's schema builder and portable
 * types only (text, integer), so the same migrations serve SQLite and PostgreSQL.
 * Never edit a migration that has shipped; add a new one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was then.
type AnyDb = Kysely<any>;

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull().defaultTo('free'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role_key', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('memberships_workspace_user', ['workspace_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

    await db.schema
      .createTable('invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role_key', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('invited_by_user_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('invitations_workspace_email')
      .on('invitations')
      .columns(['workspace_id', 'email'])
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('created_by_user_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('hint', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema
      .createIndex('api_keys_workspace_created')
      .on('api_keys')
      .columns(['workspace_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('handle', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('connections_workspace_slug', ['workspace_id', 'slug'])
      .execute();

    await db.schema
      .createTable('posts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('connections', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'text')
      .addColumn('created_by_user_id', 'text', (c) => c.notNull())
      .addColumn('created_by_api_key_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('posts_workspace_created')
      .on('posts')
      .columns(['workspace_id', 'created_at'])
      .execute();
  },
};

/** Server-wide facts that must survive restarts, such as the fingerprint of the key secret. */
const settings: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('settings')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * One pending invitation per (workspace, email), kept by the database: two invitations created at once
 * could otherwise both stay, each with a working token. Of duplicates the newest stays (ids sort by time).
 */
const uniquePendingInvitation: Migration = {
  async up(db: AnyDb) {
    const newest = db
      .selectFrom('invitations')
      .select(db.fn.max('id').as('newest'))
      .groupBy(['workspace_id', 'email']);
    await db.deleteFrom('invitations').where('id', 'not in', newest).execute();
    await db.schema.dropIndex('invitations_workspace_email').execute();
    await db.schema
      .createIndex('invitations_workspace_email_unique')
      .unique()
      .on('invitations')
      .columns(['workspace_id', 'email'])
      .execute();
  },
};

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_settings': settings,
  '0003_unique_pending_invitation': uniquePendingInvitation,
};

/** Every migration's name and code, in order: what a copy of a migrated database depends on. */
export const MIGRATIONS_SOURCE = Object.entries(MIGRATIONS)
  .map(([name, migration]) => `${name}\n${String(migration.up)}`)
  .join('\n');

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies the migrations up to and including `name` only: for tests of a migration on older data. */
export async function migrateTo(db: AnyDb, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'socifyr_migrations' });
  const { error } = await migrator.migrateTo(name);
  if (error) throw new Error(`Database migration to ${name} failed`, { cause: error });
}

/** Brings the schema up to date; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: AnyDb): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'socifyr_migrations' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
}
