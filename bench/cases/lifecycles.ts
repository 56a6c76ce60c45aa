import { randomUUID } from 'node:crypto';
import type { BenchClient, Session } from './client.ts';

export type Matter = { implementationId: string; departmentId: string };
export const STEPS = ['submit', 'accept', 'start-review', 'approve', 'conclude'] as const;
export type Step = (typeof STEPS)[number];

export type LoadResult = {
  lifecycles: number;
  seconds: number;
  latencies: Record<Step, number[]>;
  failures: { step: Step; status: number; body: unknown }[];
};

/**
 * Closed-loop load: `workers` concurrent applicants each file an online application for a random
 * promised matter, and the department's reviewer takes it through 受理 → 分派审查 → 准予许可 → 办结,
 * one HTTP request per step, until `seconds` have passed. Counts completed lifecycles.
 */
export async function runLifecycles(options: {
  client: BenchClient;
  applicants: Session[];
  reviewers: Map<string, Session>;
  matters: Matter[];
  workers: number;
  seconds: number;
}): Promise<LoadResult> {
  const { client, applicants, reviewers, matters, workers, seconds } = options;
  const latencies = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const failures: LoadResult['failures'] = [];
  let lifecycles = 0;
  let keys = 0;
  const run = randomUUID().slice(0, 8);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (w: number) => {
    const applicant = applicants[w % applicants.length]!;
    while (performance.now() < deadline) {
      const matter = matters[Math.floor(Math.random() * matters.length)]!;
      const reviewer = reviewers.get(matter.departmentId)!;
      const submitted = await client.call(
        'POST',
        '/api/cases',
        applicant,
        { implementationId: matter.implementationId, formData: {}, materials: [] },
        { 'idempotency-key': `bench-${run}-${w}-${keys++}` },
      );
      if (submitted.status !== 201) {
        failures.push({ step: 'submit', status: submitted.status, body: submitted.body });
        continue;
      }
      latencies.submit.push(submitted.ms);
      let { id, version } = submitted.body as { id: string; version: number };
      let ok = true;
      for (const step of STEPS.slice(1)) {
        const answer = await client.call('POST', `/api/cases/${id}/${step}`, reviewer, { version });
        if (answer.status !== 200) {
          failures.push({ step, status: answer.status, body: answer.body });
          ok = false;
          break;
        }
        latencies[step].push(answer.ms);
        ({ id, version } = answer.body as { id: string; version: number });
      }
      if (ok) lifecycles++;
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return { lifecycles, seconds: (performance.now() - started) / 1000, latencies, failures };
}

/** Closed-loop reads of the reviewer queue (first page, by deadline) by the reviewers of random departments. */
export async function runQueueReads(options: {
  client: BenchClient;
  reviewers: Session[];
  workers: number;
  seconds: number;
}): Promise<{ requests: number; seconds: number; latencies: number[]; failures: number; firstPage: number }> {
  const { client, reviewers, workers, seconds } = options;
  const latencies: number[] = [];
  let failures = 0;
  let firstPage = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const reviewer = reviewers[Math.floor(Math.random() * reviewers.length)]!;
        const answer = await client.call('GET', '/api/cases?queue=true&limit=20', reviewer);
        if (answer.status !== 200) failures++;
        else {
          latencies.push(answer.ms);
          firstPage = Math.max(firstPage, (answer.body as { items: unknown[] }).items.length);
        }
      }
    }),
  );
  return {
    requests: latencies.length,
    seconds: (performance.now() - started) / 1000,
    latencies,
    failures,
    firstPage,
  };
}
