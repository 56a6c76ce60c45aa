import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { type ConfigError, DEVELOPMENT_SEAL_KEY_SECRET, loadConfig } from '../config.ts';
import {
  canonicalJson,
  generateSealKeyPair,
  publicKeyPem,
  SIGNED_FORMAT,
  type SignedCertificate,
  signatureValid,
  signCertificate,
} from './signed.ts';

const CERTIFICATE: SignedCertificate = {
  format: SIGNED_FORMAT,
  id: '00000000-0000-4000-8000-000000000001',
  typeCode: 'yyzz',
  typeName: '营业执照',
  number: 'YYZZ6101002026000001',
  holder: { kind: 'company', login: '91350100M000100Y43', name: '福州闽江数字科技有限公司' },
  issuer: { id: '00000000-0000-4000-8000-000000000002', name: '西安市市场监督管理局' },
  data: { name: '福州闽江数字科技有限公司', address: '陕西省西安市新城区长乐中路128号' },
  issuedAt: '2026-05-12T02:00:00.000Z',
  validUntil: null,
  verificationCode: 'ABCDEFGHJKLMNPQRSTUV',
  keyId: '00000000-0000-4000-8000-000000000003',
};

test('the canonical form sorts keys at every level, so a reordered jsonb gives the same bytes', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '营' } }),
    '{"a":{"c":"营","d":[2,{"y":null,"z":1}]},"b":1}',
  );
  const reordered = JSON.parse(
    JSON.stringify({
      ...CERTIFICATE,
      data: { address: CERTIFICATE.data.address, name: CERTIFICATE.data.name },
    }),
  );
  assert.equal(canonicalJson(reordered), canonicalJson(CERTIFICATE));
});

test('an SM2 seal verifies; a changed byte, another key or a garbled signature does not', () => {
  const key = generateSealKeyPair();
  const signature = signCertificate(CERTIFICATE, key.privateKey, key.publicKey);
  assert.equal(signatureValid(CERTIFICATE, signature, key.publicKey), true);
  const changed = {
    ...CERTIFICATE,
    data: { ...CERTIFICATE.data, address: '陕西省西安市新城区长乐中路129号' },
  };
  assert.equal(signatureValid(changed, signature, key.publicKey), false);
  assert.equal(signatureValid(CERTIFICATE, signature, generateSealKeyPair().publicKey), false);
  assert.equal(signatureValid(CERTIFICATE, `${signature.slice(0, -2)}00`, key.publicKey), false);
  assert.equal(signatureValid(CERTIFICATE, 'not hex', key.publicKey), false);
});

const opensslSm2 =
  spawnSync('openssl', ['list', '-public-key-algorithms'], { encoding: 'utf8' }).stdout?.includes('SM2') ??
  false;

test('openssl verifies our seal as standard SM2 with SM3 and the user id 1234567812345678 (GB/T 35276)', {
  skip: opensslSm2 ? false : 'openssl here has no SM2',
}, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-sm2-'));
  try {
    const key = generateSealKeyPair();
    const signature = signCertificate(CERTIFICATE, key.privateKey, key.publicKey);
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicKeyPem(key.publicKey));
    fs.writeFileSync(path.join(dir, 'msg'), canonicalJson(CERTIFICATE));
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(signature, 'hex'));
    const verify = (distid: string) =>
      spawnSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'pub.pem',
          '-rawin',
          '-digest',
          'sm3',
          '-in',
          'msg',
          '-sigfile',
          'sig',
          '-pkeyopt',
          `distid:${distid}`,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
    const ok = verify('1234567812345678');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /Signature Verified Successfully/);
    assert.notEqual(verify('1234567812345679').status, 0, 'another user id fails');
    const text = execFileSync('openssl', ['pkey', '-pubin', '-in', 'pub.pem', '-noout', '-text'], {
      cwd: dir,
    });
    assert.match(text.toString(), /SM2/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('SEAL_KEY_SECRET: a development default, and a short secret is refused naming the variable', () => {
  assert.equal(loadConfig({}).sealKeySecret, DEVELOPMENT_SEAL_KEY_SECRET);
  assert.equal(
    loadConfig({ SEAL_KEY_SECRET: 'a-long-enough-production-secret' }).sealKeySecret,
    'a-long-enough-production-secret',
  );
  assert.throws(
    () => loadConfig({ SEAL_KEY_SECRET: 'short' }),
    (e: ConfigError) => e.variable === 'SEAL_KEY_SECRET',
  );
});
