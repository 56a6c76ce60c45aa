import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { AppError } from '../core/errors.ts';

/** argon2id with the OWASP minimum: 19 MiB of memory, two passes, one lane. */
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** Rejects a password that is too short to be set, naming the field. */
export function checkNewPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation.field', {
      field,
      params: {
        problem: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
        problemEn: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
      },
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends as long as checking a real password, so that an unknown account answers
 * in about the same time as a wrong password.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('yiwang-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
