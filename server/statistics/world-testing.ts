import type { Browser } from '../accounts/testing.ts';
import type { TestApp } from '../testing/app.ts';
import { buildMatter, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import {
  attach,
  buildDepartmentWithMatter,
  buildHallIn,
  caseFactory,
  keepMonthRatings,
  keepMonthRequests,
  markSupplemented,
  takeTickets,
} from './figures-testing.ts';
import { refreshCaseDaily } from './refresh.ts';

/**
 * The statistics' test world: 新城区 (610102) with department A, its matters MA (20 → 5 working days,
 * handed in at hall H) and MN (immediate, natural days), 碑林区 (610103) with department B and its
 * matter MB; cases of October 2025 and of the month before, ratings, 12345 requests and tickets.
 * The figures the tests expect are worked out by hand beside the cases.
 */

export const PERIOD = { from: '2025-10-01', to: '2025-10-31' };
/** The 31 days before 1 October 2025. */
export const PREVIOUS = { from: '2025-08-31', to: '2025-09-30' };

export async function buildStatisticsWorld(t: TestApp) {
  const db = t.db.db;
  const hall = await buildHallIn(db, '610102');
  const place = {
    hallId: hall.id,
    name: hall.name,
    window: '综合窗口',
    address: '西安市新城区',
    hours: '周一至周五 9:00—17:00',
  };
  const a = await buildDepartmentWithMatter(db, '610102', { places: [place] });
  const matterMN = await buildMatter(db, {
    departmentId: a.department.id,
    regionCode: '610102',
    document: {
      caseType: 'immediate',
      legalLimit: { value: 30, unit: 'natural_days' },
      promisedLimit: { value: 0, unit: 'natural_days' },
      visitsRequired: 0,
      realisationMode: 'fully_online',
      steps: [{ name: 'accept', role: '综合窗口', days: 0, description: '当场办结' }],
    },
  });
  const b = await buildDepartmentWithMatter(db, '610103');
  const put = await caseFactory(t);
  const MA = a.matter;
  const MB = b.matter;
  const c = {
    c1: await put({
      matter: MA,
      filed: '2025-10-05',
      accepted: '2025-10-05',
      concluded: '2025-10-09',
      deadline: '2025-10-12',
      usedDays: 3,
      formFields: [6, 4],
    }),
    c2: await put({
      matter: MA,
      channel: 'counter',
      hallId: hall.id,
      filed: '2025-10-06',
      accepted: '2025-10-06',
      concluded: '2025-10-20',
      deadline: '2025-10-13',
      usedDays: 10,
      visits: 2,
      formFields: [4, 0],
    }),
    c3: await put({
      matter: MA,
      channel: 'counter',
      hallId: hall.id,
      filed: '2025-10-07',
      accepted: '2025-10-07',
      acceptedWithGaps: true,
      concluded: '2025-10-10',
      deadline: '2025-10-14',
      usedDays: 4,
      visits: 1,
    }),
    c4: await put({
      matter: MA,
      channel: 'counter',
      hallId: hall.id,
      filed: '2025-10-08',
      accepted: '2025-10-08',
      deadline: '2025-10-15',
    }),
    c5: await put({ matter: MA, filed: '2025-10-20', accepted: '2025-10-21', deadline: '2025-11-20' }),
    c6: await put({
      matter: MA,
      channel: 'counter',
      filed: '2025-09-10',
      accepted: '2025-09-10',
      concluded: '2025-09-15',
      deadline: '2025-09-17',
      usedDays: 2,
      visits: 1,
    }),
    c7: await put({
      matter: matterMN,
      caseType: 'immediate',
      filed: '2025-10-15',
      accepted: '2025-10-15',
      concluded: '2025-10-15',
    }),
    c8: await put({
      matter: MB,
      filed: '2025-10-03',
      accepted: '2025-10-03',
      concluded: '2025-10-04',
      deadline: '2025-10-10',
      usedDays: 1,
    }),
    c9: await put({
      matter: MB,
      channel: 'agent',
      status: 'approved_on_promise',
      onPromise: true,
      filed: '2025-10-20',
      accepted: '2025-10-21',
      deadline: '2025-10-25',
    }),
    c10: await put({ matter: MA, filed: '2025-09-28', accepted: '2025-09-29', deadline: '2025-09-29' }),
    draft: await put({ matter: MA, status: 'draft', filed: '2025-10-10' }),
  };
  await attach(db, c.c1.id, 'yyzz', 'e_certificate');
  await attach(db, c.c1.id, 'sqs', 'applicant');
  await attach(db, c.c2.id, 'sqs', 'clerk_scan');
  await markSupplemented(db, c.c3.id);
  await keepMonthRatings(db, '2025-10', ['region', '610100'], { satisfied: 9, bad: 1, rectified: 1 });
  await keepMonthRatings(db, '2025-09', ['region', '610100'], { satisfied: 3, bad: 1, rectified: 0 });
  await keepMonthRatings(db, '2025-10', ['hall', hall.id], { satisfied: 2, bad: 0, rectified: 0 });
  await keepMonthRequests(db, '2025-10', ['region', '610100'], {
    closed: 8,
    closedOnTime: 6,
    overdueOpen: 2,
  });
  await takeTickets(db, hall.id, '2025-10-06', [10, 20, null]);
  await refreshCaseDaily(db);

  const supervisorOf = async (regionCode: string): Promise<Browser> =>
    signIn(
      t.app,
      await buildStaff(db, {
        role: 'supervisor',
        organisationId: (await buildOrganisation(db, { kind: 'department', regionCode })).id,
      }),
    );
  return {
    hall,
    departmentA: a.department,
    departmentB: b.department,
    MA,
    MN: matterMN,
    MB,
    cases: c,
    city: await supervisorOf('610100'),
    beilin: await supervisorOf('610103'),
    clerk: await signIn(t.app, await buildStaff(db, { role: 'window_clerk' })),
  };
}

export type StatisticsWorld = Awaited<ReturnType<typeof buildStatisticsWorld>>;
