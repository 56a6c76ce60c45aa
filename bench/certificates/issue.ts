import type { AuditContext } from '../../server/audit/service.ts';
import { issueCertificate, renderCertificatePdf, verifyUrl } from '../../server/certificates/index.ts';
import { type SignedCertificate, signatureValid, signCertificate } from '../../server/core/crypto/signed.ts';
import type { Db } from '../../server/core/db/client.ts';
import { summarise } from '../cases/client.ts';
import type { IssuingType } from './generate.ts';
import type { Measured } from './load.ts';
import { companyLogin, companyName, fieldValue, personLogin, personName } from './values.ts';

const BENCH_AUDIT: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'bench-certificates',
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export type IssueRun = {
  whole: number[];
  issuing: number[];
  rendering: number[];
  failures: number;
  seconds: number;
};

/**
 * Issue-and-seal in this process, `workers` at a time for `seconds`: each one the call a concluding
 * case makes (issueCertificate in its own transaction: type, seal key, number, SM2 seal, supersession,
 * insert, audit record) to a generated holder, then its PDF (renderCertificatePdf: layout, seal image,
 * QR code). Times the whole, and the transaction and the PDF on their own.
 */
export async function runIssues(options: {
  db: Db;
  types: IssuingType[];
  companies: number;
  persons: number;
  origin: string;
  workers: number;
  seconds: number;
  /** Renders the PDF of each certificate (false: issue and seal only). */
  pdf: boolean;
}): Promise<IssueRun> {
  const { db, types, workers, seconds } = options;
  const run: IssueRun = { whole: [], issuing: [], rendering: [], failures: 0, seconds };
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const i = n++;
        const type = types[(i * 7) % types.length]!;
        const h = (i * 7919) % (type.holderKind === 'company' ? options.companies : options.persons);
        const holder =
          type.holderKind === 'company'
            ? { kind: 'company' as const, login: companyLogin(h + 1), name: companyName(h + 1) }
            : { kind: 'person' as const, login: personLogin(h * 37 + 1), name: personName(h) };
        const data: Record<string, string> = {};
        for (const field of type.fields) if (!field.source) data[field.key] = fieldValue(field, i);
        try {
          const t0 = performance.now();
          const certificate = await db.transaction((tx) =>
            issueCertificate({
              tx,
              audit: BENCH_AUDIT,
              typeName: type.name,
              organisationId: type.organisationId,
              holder,
              data,
            }),
          );
          const t1 = performance.now();
          if (options.pdf) {
            const pdf = await renderCertificatePdf({
              certificate,
              verifyUrl: verifyUrl(options.origin, certificate.verificationCode),
            });
            if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
          }
          const t2 = performance.now();
          run.issuing.push(t1 - t0);
          run.rendering.push(t2 - t1);
          run.whole.push(t2 - t0);
        } catch (error) {
          if (run.failures++ === 0) console.log(`  issue failed: ${(error as Error).message}`);
        }
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

/** Rows of the table: the whole with the CPU of this process and PostgreSQL per certificate, then its parts. */
export function issueRows(
  name: string,
  run: IssueRun,
  cpu: { own: number; postgres: number },
  parts: boolean,
): Measured[] {
  const row = (label: string, values: number[], withCpu: boolean): Measured => {
    const s = summarise(values);
    const done = Math.max(run.whole.length, 1);
    return {
      name: label,
      n: values.length,
      perSecond: values.length / run.seconds,
      p50: s.p50,
      p95: s.p95,
      p99: s.p99,
      cpuMs: withCpu ? (cpu.own * 1000) / done : Number.NaN,
      pgMs: withCpu ? (cpu.postgres * 1000) / done : Number.NaN,
      errors: run.failures,
    };
  };
  const whole = row(name, run.whole, true);
  if (!parts) return [whole];
  return [
    whole,
    row('  of which issue+seal (transaction)', run.issuing, false),
    row('  of which PDF', run.rendering, false),
  ];
}

/** SM2 signing, then verification, of one real signed form, alone in this thread for `seconds` each. */
export function sm2Baseline(options: {
  signed: SignedCertificate;
  privateKey: string;
  publicKey: string;
  seconds: number;
}): Measured[] {
  const { signed, privateKey, publicKey, seconds } = options;
  const loop = (name: string, op: () => unknown): Measured => {
    const latencies: number[] = [];
    const cpuBefore = cpuMs();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let errors = 0;
    while (performance.now() < deadline) {
      const t = performance.now();
      if (!op()) errors++;
      latencies.push(performance.now() - t);
    }
    const elapsed = (performance.now() - started) / 1000;
    const s = summarise(latencies);
    return {
      name,
      n: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: s.p50,
      p95: s.p95,
      p99: s.p99,
      cpuMs: (cpuMs() - cpuBefore) / latencies.length,
      pgMs: 0,
      errors,
    };
  };
  const signature = signCertificate(signed, privateKey, publicKey);
  return [
    loop('SM2 signing alone (1 thread)', () => signCertificate(signed, privateKey, publicKey)),
    loop('SM2 verification alone (1 thread)', () => signatureValid(signed, signature, publicKey)),
  ];
}
