/**
 * The file store: files kept by content hash, uploads staged and scanned, access to personal files.
 * The front door of the module: other modules import only from here.
 */
export { uploadedBySql } from './access.ts';
export { MEDIA_TYPES, type MediaType } from './detect.ts';
export { fileRoutes } from './routes.ts';
export type { Scanner } from './scanner.ts';
export { filePath, openFile, readFile, storeFile } from './service.ts';
export { tooLarge } from './staging.ts';
export { storedFiles } from './tables.ts';
