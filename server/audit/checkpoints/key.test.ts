import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sm2 } from 'sm-crypto-v2';
import { checkpointKey, keyFingerprint, trustedKeys } from './key.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-checkpoint-key-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

test('AUDIT_SIGNING_KEY is used as given and no key file is written', () => {
  const pair = sm2.generateKeyPairHex();
  const keyFile = path.join(tempDir(), 'audit', 'checkpoint-key.json');
  const key = checkpointKey({ signingKey: pair.privateKey, keyFile }, { create: true });
  assert.equal(key?.publicKey, pair.publicKey);
  assert.equal(key?.source, 'environment');
  assert.equal(key?.fingerprint, keyFingerprint(pair.publicKey));
  assert.equal(fs.existsSync(keyFile), false);
  const other = sm2.generateKeyPairHex().publicKey;
  assert.deepEqual(trustedKeys({ signingKey: pair.privateKey, keyFile, trustedKeys: [other] }), [
    pair.publicKey,
    other,
  ]);
});

test('a signing key outside the curve order is refused', () => {
  assert.throws(
    () => checkpointKey({ signingKey: 'f'.repeat(64), keyFile: '/nonexistent' }, { create: true }),
    { code: 'audit.checkpoint_key_unreadable' },
  );
});

test('the key file is created on first use only when asked, mode 0600 in a 0700 folder, and read back after', () => {
  const keyFile = path.join(tempDir(), 'audit', 'checkpoint-key.json');
  const config = { signingKey: null, keyFile };
  assert.equal(checkpointKey(config, { create: false }), null);
  assert.deepEqual(trustedKeys({ ...config, trustedKeys: [] }), []);
  const key = checkpointKey(config, { create: true });
  assert.equal(key?.source, 'file');
  assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
  assert.equal(fs.statSync(path.dirname(keyFile)).mode & 0o777, 0o700);
  const stored = JSON.parse(fs.readFileSync(keyFile, 'utf8'));
  assert.equal(stored.publicKey, key?.publicKey);
  assert.equal(sm2.getPublicKeyFromPrivateKey(stored.privateKey), key?.publicKey);
  assert.deepEqual(fs.readdirSync(path.dirname(keyFile)), ['checkpoint-key.json'], 'no temporary file left');
});

test('a damaged key file is refused rather than replaced', () => {
  const keyFile = path.join(tempDir(), 'checkpoint-key.json');
  const pair = sm2.generateKeyPairHex();
  const other = sm2.generateKeyPairHex();
  fs.writeFileSync(
    keyFile,
    JSON.stringify({
      format: 'yiwang-audit-checkpoint-key/1',
      privateKey: pair.privateKey,
      publicKey: other.publicKey,
    }),
  );
  assert.throws(() => checkpointKey({ signingKey: null, keyFile }, { create: true }), {
    code: 'audit.checkpoint_key_unreadable',
  });
  assert.equal(JSON.parse(fs.readFileSync(keyFile, 'utf8')).publicKey, other.publicKey);
});

test('processes starting together on one data folder end up with one key', async () => {
  const keyFile = path.join(tempDir(), 'audit', 'checkpoint-key.json');
  const module = path.join(import.meta.dirname, 'key.ts');
  const script = `import { checkpointKey } from ${JSON.stringify(module)};
    process.stdout.write(checkpointKey({ signingKey: null, keyFile: ${JSON.stringify(keyFile)} }, { create: true }).publicKey);`;
  const keys = await Promise.all(
    Array.from(
      { length: 3 },
      () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (d) => {
            out += d;
          });
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
        }),
    ),
  );
  assert.match(keys[0]!, /^04[0-9a-f]{128}$/);
  assert.deepEqual(new Set(keys).size, 1);
  assert.equal(JSON.parse(fs.readFileSync(keyFile, 'utf8')).publicKey, keys[0]);
});
