import type { Lang } from '../format.ts';
import type { UploadedFile } from '../types.ts';

/** What every field of a rendered form shares: language, size, uploads, and where problems show. */
export type FieldContext = {
  lang: Lang;
  /** Large controls (the kiosk). */
  large: boolean;
  uploadFile?: (file: File) => Promise<UploadedFile>;
  /** Names of chosen files by hash (given, and uploaded here). */
  fileNames: Record<string, string>;
  rememberFile: (file: UploadedFile) => void;
  /** The field at this path was left: its problems may show. */
  touch: (path: string) => void;
  /** The problem to show at a path, in the UI language. */
  errorOf: (path: string) => string | undefined;
};
