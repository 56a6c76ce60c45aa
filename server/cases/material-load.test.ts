/**
 * A 20 MiB case material handed in and downloaded against a real server process: the server
 * keeps answering /api/health meanwhile and its memory barely grows; an upload to a case the
 * caller may not see is refused before its body is read.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import {
  assertResponsive,
  bestOfThree,
  bigPdf,
  download,
  heldBytes,
  type LoadServer,
  MiB,
  SIZE,
  sha256Of,
  startLoadServer,
  stopLoadServer,
  upload,
} from '../testing/load.ts';
import { call, type Session, signInOver } from '../testing/processes.ts';
import { FOOD_LICENCE, publishMatter } from './testing.ts';

let server: LoadServer;
let applicant: Session;
let caseId: string;

before(async () => {
  server = await startLoadServer();
  const db = server.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  const food = await publishMatter(db, market!.id, FOOD_LICENCE);
  applicant = await signInOver(server.base, '/api/auth/applicant-login', {
    kind: 'person',
    login: '11010519491231002X',
    password: DEMO_PASSWORD,
  });
  const filed = await call(applicant, 'POST', '/api/cases', { implementationId: food });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  caseId = filed.body!.id as string;
  const reviewer = await signInOver(server.base, '/api/auth/login', {
    username: 'reviewer',
    password: DEMO_PASSWORD,
  });
  const supplement = await call(reviewer, 'POST', `/api/cases/${caseId}/request-supplement`, {
    version: filed.body!.version,
    problems: [{ materialKey: 'zscl', problem: '经营场所使用证明不清晰' }],
  });
  assert.equal(supplement.status, 200, JSON.stringify(supplement.body));
});
after(async () => {
  await stopLoadServer(server);
});

const materialUrl = () => `/api/cases/${caseId}/materials/zscl?name=${encodeURIComponent('场所证明.pdf')}`;

test('a 20 MiB case material and its download leave /api/health fast and the server memory flat', async (t) => {
  const warm = await upload(server, materialUrl(), Buffer.from('%PDF-1.7\nwarm up\n'), applicant);
  assert.equal(warm.status, 201, warm.body);

  let attachment = { id: '', sha256: '' };
  const uploads = await bestOfThree(
    server,
    () => {
      const content = bigPdf();
      return { content, sha256: sha256Of(content) };
    },
    async ({ content, sha256 }) => {
      const answer = await upload(server, materialUrl(), content, applicant);
      assert.equal(answer.status, 201, answer.body);
      const created = JSON.parse(answer.body);
      assert.equal(created.sha256, sha256);
      assert.equal(created.size, SIZE);
      assert.equal(created.mediaType, 'application/pdf');
      assert.equal(created.fileName, '场所证明.pdf');
      attachment = { id: created.id, sha256 };
    },
  );
  t.diagnostic(`case material uploads of 20 MiB: ${JSON.stringify(uploads)}`);
  assertResponsive(uploads, 'upload');

  const uploaded = await server.db.db.execute<{ actor_id: string | null }>(
    sql`SELECT actor_id FROM audit_records WHERE action = 'file.upload' AND target_id = ${attachment.sha256}`,
  );
  const me = await call(applicant, 'GET', '/api/auth/me');
  const user = me.body!.user as { id: string };
  assert.deepEqual(
    uploaded.rows.map((r) => r.actor_id),
    [user.id],
    'the upload is audited with the uploader',
  );

  const downloads = await bestOfThree(
    server,
    () => attachment,
    async ({ id, sha256 }) => {
      assert.deepEqual(await download(server, `/api/cases/${caseId}/materials/${id}`, applicant), {
        status: 200,
        sha256,
        size: SIZE,
      });
    },
  );
  t.diagnostic(`case material downloads of 20 MiB: ${JSON.stringify(downloads)}`);
  assertResponsive(downloads, 'download');
});

test('midway through a 20 MiB material going up or down, the server holds little of it', async (t) => {
  const settle = () => new Promise((r) => setTimeout(r, 300));
  const content = bigPdf();
  const sha256 = sha256Of(content);
  let baseline = await heldBytes(server);
  let heldUp = 0;
  const answer = await upload(server, materialUrl(), content, applicant, {
    midway: async () => {
      await settle();
      heldUp = (await heldBytes(server)) - baseline;
    },
  });
  assert.equal(answer.status, 201, answer.body);
  const { id } = JSON.parse(answer.body) as { id: string };

  baseline = await heldBytes(server);
  let heldDown = 0;
  const got = await download(server, `/api/cases/${caseId}/materials/${id}`, applicant, async () => {
    await settle();
    heldDown = (await heldBytes(server)) - baseline;
  });
  assert.deepEqual(got, { status: 200, sha256, size: SIZE });
  t.diagnostic(
    `held midway: upload ${(heldUp / MiB).toFixed(1)} MiB, download ${(heldDown / MiB).toFixed(1)} MiB`,
  );
  assert.ok(heldUp < 4 * MiB, `${(heldUp / MiB).toFixed(1)} MiB held with 10 MiB of the upload received`);
  assert.ok(heldDown < 4 * MiB, `${(heldDown / MiB).toFixed(1)} MiB held with 1 MiB of the download read`);
});

test("a 20 MiB material for someone else's case is refused with 404 before its body is read", async () => {
  const stranger = await signInOver(server.base, '/api/auth/applicant-login', {
    kind: 'company',
    login: '91350100M000100Y43',
    password: DEMO_PASSWORD,
  });
  const answer = await upload(server, materialUrl(), bigPdf(), stranger);
  assert.equal(answer.status, 404, answer.body);
  assert.ok(answer.sentBytes < 4 * MiB, `answered after ${answer.sentBytes} bytes were sent`);
  const health = await fetch(`${server.base}/api/health`);
  assert.equal(health.status, 200);
});
