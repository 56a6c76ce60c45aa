import { type CertificateFile, verifyCertificateFile } from '../core/crypto/signed.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { publishedKeys } from './keys.ts';
import type { PublicVerification } from './types.ts';
import { verifyByCode } from './verify.ts';

export type FileCheck = {
  /** Whether the file's seal (SM2 signature by a published key valid when it was issued) holds. */
  sealed: boolean;
  problem: 'malformed' | 'unknown_key' | 'key_not_valid_then' | 'signature_invalid' | null;
  keyId: string | null;
  /** What the certificate's code answers now (revoked, changed, expired …); only for a sealed file. */
  current: PublicVerification | null;
};

/**
 * Verifies a downloaded certificate file (证照文件) as `npm run cert:verify` does, against the
 * published seal keys, and, when its seal holds, tells what the certificate's code answers now.
 * A file whose seal fails says nothing about any certificate.
 */
export async function verifyFile(options: { db: DbOrTx; file: unknown }): Promise<FileCheck> {
  const keys = await publishedKeys({ db: options.db });
  const result = verifyCertificateFile(options.file, keys);
  if (!result.ok) return { sealed: false, problem: result.problem, keyId: null, current: null };
  const code = (options.file as CertificateFile).certificate.verificationCode;
  return {
    sealed: true,
    problem: null,
    keyId: result.key.keyId,
    current: await verifyByCode({ db: options.db, code }),
  };
}
