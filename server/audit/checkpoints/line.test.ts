import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sm2 } from 'sm-crypto-v2';
import { publicKeyPem } from '../../core/crypto/signed.ts';
import { canonicalJson } from '../chain.ts';
import {
  CHECKPOINT_FORMAT,
  type CheckpointBody,
  checkpointSignatureValid,
  FIRST_PREVIOUS,
  lineHash,
  lineText,
  parseLine,
  signCheckpoint,
} from './line.ts';

const key = sm2.generateKeyPairHex();
const BODY: CheckpointBody = {
  format: CHECKPOINT_FORMAT,
  seq: 42,
  recordSeq: 57,
  headHash: 'ab'.repeat(32),
  count: 42,
  at: '2026-03-01T08:00:00.000Z',
  previous: FIRST_PREVIOUS,
  publicKey: key.publicKey,
};

test('a signed checkpoint verifies; any changed field or another key does not', () => {
  const checkpoint = signCheckpoint(BODY, key.privateKey);
  assert.equal(checkpointSignatureValid(checkpoint), true);
  for (const change of [{ seq: 43 }, { headHash: 'cd'.repeat(32) }, { count: 41 }, { recordSeq: null }]) {
    assert.equal(checkpointSignatureValid({ ...checkpoint, ...change }), false, JSON.stringify(change));
  }
  const other = sm2.generateKeyPairHex().publicKey;
  assert.equal(checkpointSignatureValid({ ...checkpoint, publicKey: other }), false);
  assert.equal(checkpointSignatureValid({ ...checkpoint, signature: 'not hex' }), false);
});

test('a line reads back as written, with the hash of its text; anything else is not a checkpoint', () => {
  const checkpoint = signCheckpoint(BODY, key.privateKey);
  const text = lineText(checkpoint);
  assert.deepEqual(parseLine(text, 7), { ...checkpoint, line: 7, lineHash: lineHash(text) });
  assert.equal(parseLine('{"format":', 1), null);
  assert.equal(parseLine('[]', 1), null);
  assert.equal(parseLine(lineText({ ...checkpoint, seq: -1 }), 1), null);
  assert.equal(parseLine(lineText({ ...checkpoint, headHash: 'x' }), 1), null);
  assert.equal(parseLine(canonicalJson({ ...checkpoint, extra: 1 }), 1), null);
});

const opensslSm2 =
  spawnSync('openssl', ['list', '-public-key-algorithms'], { encoding: 'utf8' }).stdout?.includes('SM2') ??
  false;

test('openssl verifies a checkpoint as standard SM2 with SM3 and the user id 1234567812345678', {
  skip: opensslSm2 ? false : 'openssl here has no SM2',
}, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-checkpoint-sm2-'));
  try {
    const { signature, ...body } = signCheckpoint(BODY, key.privateKey);
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicKeyPem(key.publicKey));
    fs.writeFileSync(path.join(dir, 'msg'), canonicalJson(body));
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(signature, 'hex'));
    const verified = spawnSync(
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
        'distid:1234567812345678',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /Signature Verified Successfully/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
