/**
 * Backups of the database and the file store, and restoring them (npm run backup, npm run restore).
 * The front door of the module: other modules import only from here.
 */
export { type RestoreResult, restoreEmbedded } from './restore.ts';
export { type BackupResult, backupEmbedded, backupFileStoreOnly } from './service.ts';
