/**
 * `npm run cert:verify -- <certificate.json> [--keys <keys.json | URL>]`: verifies a downloaded
 * certificate file offline against the published seal keys (a saved copy of
 * GET /api/certificates/keys, or that URL; by default the local server's).
 * Exit code 0: authentic; 1: not authentic; 2: could not verify.
 * The file proves what was issued; whether it was revoked since is shown only by the online check.
 */
import fs from 'node:fs';
import { maskIdNumber } from '../../common/identity.ts';
import { type CertificateFile, type PublishedKey, verifyCertificateFile } from '../core/crypto/signed.ts';

const PROBLEMS = {
  malformed: { zh: '不是电子证照文件或文件不完整', en: 'not a certificate file, or an incomplete one' },
  unknown_key: {
    zh: '签名所用的印章密钥不在已公布的公钥中',
    en: 'the seal key it names is not among the published keys',
  },
  key_not_valid_then: {
    zh: '出证时该印章密钥不在有效期内',
    en: 'the seal key was not in use when the certificate was issued',
  },
  signature_invalid: {
    zh: '签名与证照内容不符（内容被改动或签名伪造）',
    en: 'the signature does not match the content (altered or forged)',
  },
} as const;

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; keys: string } {
  const rest = [...argv];
  let keys = `http://localhost:${process.env.PORT || 3000}/api/certificates/keys`;
  let file: string | undefined;
  while (rest.length) {
    const arg = rest.shift()!;
    if (arg === '--keys') {
      const value = rest.shift();
      if (!value) throw new UsageError('--keys needs a file or URL');
      keys = value;
    } else if (!file) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!file)
    throw new UsageError('usage: npm run cert:verify -- <certificate.json> [--keys <keys.json or URL>]');
  return { file, keys };
}

async function loadKeys(source: string): Promise<PublishedKey[]> {
  const text = /^https?:\/\//.test(source)
    ? await fetch(source).then((res) => {
        if (!res.ok) throw new Error(`${source} answered ${res.status}`);
        return res.text();
      })
    : fs.readFileSync(source, 'utf8');
  const parsed = JSON.parse(text) as { keys?: PublishedKey[] } | PublishedKey[];
  const keys = Array.isArray(parsed) ? parsed : parsed.keys;
  if (!Array.isArray(keys)) throw new Error(`${source} holds no list of keys`);
  return keys;
}

async function main(): Promise<number> {
  const { file, keys: keySource } = parseArgs(process.argv.slice(2));
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as CertificateFile;
  const keys = await loadKeys(keySource);
  const result = verifyCertificateFile(content, keys);
  if (!result.ok) {
    if (result.problem === 'malformed') throw new Error(PROBLEMS.malformed.en);
    process.stdout.write(
      `证照验证未通过：${PROBLEMS[result.problem].zh}\nNOT AUTHENTIC: ${PROBLEMS[result.problem].en}\n`,
    );
    return 1;
  }
  const c = content.certificate;
  const holder = c.holder.kind === 'person' ? maskIdNumber(c.holder.login) : c.holder.login;
  process.stdout.write(
    `${[
      `证照真实有效（印章签名验证通过）：${c.typeName} ${c.number}`,
      `  持证主体 ${c.holder.name}（${holder}），发证机构 ${c.issuer.name}（密钥 ${result.key.keyId}）`,
      `  出证时间 ${c.issuedAt}，有效期至 ${c.validUntil ?? '长期'}；是否已撤销或变更请以在线核验为准`,
      `AUTHENTIC: ${c.typeName} ${c.number}, sealed by ${c.issuer.name}; check revocation online at /verify/${c.verificationCode}`,
    ].join('\n')}\n`,
  );
  return 0;
}

try {
  process.exit(await main());
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`无法验证证照 / Cannot verify the certificate: ${reason}\n`);
  process.exit(2);
}
