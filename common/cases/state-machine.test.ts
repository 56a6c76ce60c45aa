import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionsFrom,
  CASE_ACTION_NAMES,
  CASE_STATUSES,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
  rolesFor,
  transition,
} from './state-machine.ts';

const promised: CaseFacts = { caseType: 'promised', openGaps: 0, promiseAllowed: true, promiseBarred: false };

/** Every allowed (from, action) pair and where it leads for a 承诺件 with no open gaps. */
const ALLOWED: [CaseStatus, CaseAction, CaseStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'not_accept', 'not_accepted'],
  ['submitted', 'request_supplement', 'needs_supplement'],
  ['submitted', 'approve_on_promise', 'approved_on_promise'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['submitted', 'terminate', 'terminated'],
  ['needs_supplement', 'resubmit', 'submitted'],
  ['needs_supplement', 'withdraw', 'withdrawn'],
  ['needs_supplement', 'terminate', 'terminated'],
  ['accepted', 'start_review', 'in_review'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['accepted', 'terminate', 'terminated'],
  ['accepted_with_gaps', 'start_review', 'in_review'],
  ['accepted_with_gaps', 'supply_gap', 'accepted'],
  ['accepted_with_gaps', 'withdraw', 'withdrawn'],
  ['accepted_with_gaps', 'terminate', 'terminated'],
  ['in_review', 'approve', 'approved'],
  ['in_review', 'deny', 'denied'],
  ['in_review', 'suspend', 'suspended'],
  ['in_review', 'escalate', 'escalated'],
  ['in_review', 'supply_gap', 'in_review'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['in_review', 'terminate', 'terminated'],
  ['in_review', 'reassign', 'in_review'],
  ['in_review', 'hand_back', 'in_review'],
  ['suspended', 'resume', 'in_review'],
  ['suspended', 'supply_gap', 'suspended'],
  ['suspended', 'withdraw', 'withdrawn'],
  ['suspended', 'terminate', 'terminated'],
  ['suspended', 'reassign', 'suspended'],
  ['suspended', 'hand_back', 'suspended'],
  ['escalated', 'approve', 'approved'],
  ['escalated', 'deny', 'denied'],
  ['escalated', 'supply_gap', 'escalated'],
  ['escalated', 'terminate', 'terminated'],
  ['approved', 'conclude', 'concluded'],
  ['approved', 'supply_gap', 'approved'],
  ['approved_on_promise', 'verify', 'verified'],
  ['approved_on_promise', 'revoke', 'revoked'],
  ['verified', 'conclude', 'concluded'],
  ['concluded', 'deliver', 'delivered'],
  // 双向速递: originals posted and received while the case is open; the status stays.
  ...(
    [
      'submitted',
      'needs_supplement',
      'accepted',
      'accepted_with_gaps',
      'in_review',
      'suspended',
      'escalated',
      'approved',
      'approved_on_promise',
    ] as const
  ).flatMap((from): [CaseStatus, CaseAction, CaseStatus][] => [
    [from, 'post_originals', from],
    [from, 'receive_originals', from],
  ]),
];

test('the transition table: every status × action, allowed exactly where listed', () => {
  const allowed = new Map(ALLOWED.map(([from, action, to]) => [`${from}/${action}`, to]));
  let checked = 0;
  for (const from of CASE_STATUSES) {
    for (const action of CASE_ACTION_NAMES) {
      const result = transition(from, action, promised);
      const expected = allowed.get(`${from}/${action}`);
      if (expected) {
        assert.deepEqual(result, { ok: true, to: expected }, `${from} —${action}→ ${expected}`);
      } else {
        assert.equal(result.ok, false, `${from} —${action}→ must be refused`);
      }
      checked++;
    }
  }
  assert.equal(checked, 18 * 24);
});

test('final statuses allow nothing', () => {
  for (const from of ['not_accepted', 'revoked', 'denied', 'delivered', 'withdrawn', 'terminated'] as const) {
    assert.deepEqual(actionsFrom(from), [], from);
  }
});

test('guards: result held while gaps are open; 容缺 needs a gap; 告知承诺 needs the matter and a clean record', () => {
  const gaps = { ...promised, openGaps: 1 };
  assert.deepEqual(transition('approved', 'conclude', gaps), { ok: false, refusal: 'case.result_held' });
  assert.deepEqual(transition('submitted', 'accept_with_gaps', gaps), { ok: true, to: 'accepted_with_gaps' });
  assert.deepEqual(transition('submitted', 'accept_with_gaps', promised), {
    ok: false,
    refusal: 'case.no_gaps',
  });
  assert.deepEqual(transition('accepted_with_gaps', 'supply_gap', gaps), {
    ok: true,
    to: 'accepted_with_gaps',
  });
  assert.deepEqual(transition('submitted', 'approve_on_promise', { ...promised, promiseAllowed: false }), {
    ok: false,
    refusal: 'case.promise_not_allowed',
  });
  assert.deepEqual(transition('submitted', 'approve_on_promise', { ...promised, promiseBarred: true }), {
    ok: false,
    refusal: 'case.promise_barred',
  });
});

test('即办件: decided straight after acceptance; a 承诺件 must go through review', () => {
  const immediate = { ...promised, caseType: 'immediate' as const };
  assert.deepEqual(transition('accepted', 'approve', immediate), { ok: true, to: 'approved' });
  assert.deepEqual(transition('accepted', 'deny', immediate), { ok: true, to: 'denied' });
  assert.equal(transition('accepted', 'approve', promised).ok, false);
  assert.equal(transition('accepted_with_gaps', 'approve', promised).ok, false);
});

test('roles: applicants submit and withdraw, clerks pre-review, departments decide, heads terminate', () => {
  assert.ok(rolesFor('submit').includes('applicant'));
  assert.ok(rolesFor('withdraw').includes('applicant'));
  assert.ok(!rolesFor('accept').includes('applicant'));
  assert.ok(rolesFor('accept').includes('window_clerk'));
  assert.ok(!rolesFor('start_review').includes('window_clerk'));
  assert.deepEqual([...rolesFor('terminate')], ['department_head']);
  assert.deepEqual([...rolesFor('escalate')], ['department_head']);
  assert.deepEqual([...rolesFor('reassign')], ['department_head'], 'the head reassigns');
  assert.deepEqual([...rolesFor('hand_back')], ['department_reviewer'], 'a reviewer hands back');
  assert.ok(!rolesFor('revoke').includes('window_clerk'));
  assert.ok(rolesFor('post_originals').includes('applicant'), 'the applicant enters the tracking number');
  assert.ok(rolesFor('post_originals').includes('window_clerk'), 'or the clerk does');
  assert.ok(!rolesFor('receive_originals').includes('applicant'), 'only the hall records the receipt');
  for (const action of CASE_ACTION_NAMES) {
    assert.ok(!rolesFor(action).includes('supervisor'), `${action}: supervisors only watch`);
  }
});
