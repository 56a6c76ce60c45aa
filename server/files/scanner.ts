import fs from 'node:fs/promises';

/** The outcome of a malware scan as stored with the file: clean | infected | unscanned. */
export type ScanStatus = 'clean' | 'infected' | 'unscanned';

/** The file to scan: received in full and flushed to disk, not yet in the store. */
export type ScanTarget = { path: string; size: number };

/**
 * A malware scanner, plugged in where files are stored (e.g. an adapter for clamd, which would
 * stream the file at `path` to the daemon). It sees the content before it enters the store; an
 * infected file is refused and not kept.
 */
export type Scanner = { scan: (file: ScanTarget) => Promise<ScanStatus> };

/** No scanner configured: files are kept and recorded as 'unscanned'. */
export const noScanner: Scanner = { scan: async () => 'unscanned' };

/** The EICAR anti-virus test string, which every scanner reports as infected. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A scanner for tests and demonstrations: it flags content that contains the EICAR test string. */
export const eicarScanner: Scanner = {
  scan: async (file) => ((await fs.readFile(file.path)).includes(EICAR, 0, 'latin1') ? 'infected' : 'clean'),
};
