import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REGION_WIDE_ROLES, ROLES, type Role } from '../../../common/roles.ts';
import type { Actor } from './actor.ts';
import { ACTIONS, type Action, can, caseScopeOf, type Resource, scopeOf } from './policy.ts';

/**
 * Y = allowed in and out of the actor's scope, S = allowed only in scope, - = never.
 * Organisation-scoped grants hold in organisation ORG_HERE; region-wide grants hold for
 * 西安市 (610000/610100). In scope = a resource of ORG_HERE in 新城区 owned by the actor;
 * out of scope = a resource of another organisation in 宝鸡市 owned by someone else.
 */
// biome-ignore format: the table is easier to read aligned
const MATRIX: Record<Action, string> = {
  //                        applicant agent clerk reviewer head manager supervisor editor cat.reviewer admin         hotline
  'workbench.use':           '-         Y     Y     Y        Y    Y       Y          Y      Y            Y            Y',
  'region.read':             'Y         Y     Y     Y        Y    Y       Y          Y      Y            Y            Y',
  'region.manage':           '-         -     -     -        -    -       -          -      -            S            -',
  'organisation.read':       '-         S     S     S        S    S       S          S      S            S            S',
  'organisation.manage':     '-         -     -     -        -    -       -          -      -            S            -',
  'hall.manage':             '-         -     -     -        -    S       -          -      -            S            -',
  'hall.figures':            '-         -     -     -        -    S       S          -      -            S            -',
  'kiosk.manage':            '-         -     -     -        -    S       -          -      -            S            -',
  'account.read':            '-         -     -     -        S    -       S          -      -            S            -',
  'account.manage':          '-         -     -     -        -    -       -          -      -            S            -',
  'audit.read':              '-         -     -     -        -    -       S          -      -            S            -',
  'audit.verify':            '-         -     -     -        -    -       -          -      -            Y            -',
  'own_data.read':           'S         -     -     -        -    -       -          -      -            -            -',
  'own_data.manage':         'S         -     -     -        -    -       -          -      -            -            -',
  'catalogue.basic_matters': '-         -     -     -        -    -       -          Y      Y            Y            -',
  'catalogue.read':          '-         -     -     -        -    -       -          S      S            S            -',
  'catalogue.edit':          '-         -     -     -        -    -       -          S      -            S            -',
  'catalogue.review':        '-         -     -     -        -    -       -          -      S            S            -',
  'calendar.manage':         '-         -     -     -        -    -       -          -      -            Y            -',
  'case.read':               'S         S     S     S        S    S       S          -      -            S            -',
  'case.apply':              'S         Y     Y     -        -    -       -          -      -            -            -',
  'case.reveal':             '-         S     S     S        S    -       -          -      -            -            -',
  'credit.read':             '-         -     -     -        S    -       S          -      -            -            -',
  'credit.lift':             '-         -     -     -        S    -       S          -      -            -            -',
  'registry.read':           '-         -     -     -        -    -       -          -      -            Y            -',
  'registry.manage':         '-         -     -     -        -    -       -          -      -            Y            -',
  'certificate.hold':        'S         -     -     -        -    -       -          -      -            -            -',
  'certificate.read':        'S         -     -     S        S    -       S          -      -            S            -',
  'certificate.lookup':      '-         Y     Y     Y        Y    -       -          -      -            -            -',
  'certificate.list':        '-         -     -     S        S    -       S          -      -            -            -',
  'certificate.revoke':      '-         -     -     -        S    -       -          -      -            S            -',
  'certificate.keys':        '-         -     -     -        -    -       -          -      -            S            -',
  'rating.link':             '-         -     S     S        S    S       -          -      -            S            -',
  'rating.hotline':          '-         -     -     -        -    -       -          -      -            -            Y',
  'rating.revisit':          '-         -     -     S        S    -       -          -      -            -            -',
  'rating.review':           '-         -     -     -        -    -       S          -      -            -            -',
  'rating.figures':          '-         -     -     -        S    S       S          -      -            S            -',
  'hotline.operate':         '-         -     -     -        -    -       -          -      -            -            Y',
  'hotline.department':      '-         -     -     S        S    -       -          -      -            -            -',
  'hotline.supervise':       '-         -     -     -        -    -       S          -      -            -            -',
  'hotline.figures':         '-         -     -     -        -    -       S          -      -            S            Y',
  'inspector.supervise':     '-         -     -     -        -    -       S          -      -            S            -',
  'inspector.department':    '-         -     -     S        S    -       -          -      -            -            -',
  'region.settings':         '-         -     -     -        -    -       S          -      -            S            -',
  'case.submit':             'S         S     S     -        -    -       -          -      -            -            -',
  'case.accept':             '-         -     S     S        -    -       -          -      -            -            -',
  'case.accept_with_gaps':   '-         -     S     S        -    -       -          -      -            -            -',
  'case.not_accept':         '-         -     S     S        -    -       -          -      -            -            -',
  'case.request_supplement': '-         -     S     S        -    -       -          -      -            -            -',
  'case.resubmit':           'S         S     S     -        -    -       -          -      -            -            -',
  'case.start_review':       '-         -     -     S        S    -       -          -      -            -            -',
  'case.approve':            '-         -     S     S        S    -       -          -      -            -            -',
  'case.deny':               '-         -     S     S        S    -       -          -      -            -            -',
  'case.suspend':            '-         -     -     S        S    -       -          -      -            -            -',
  'case.resume':             '-         -     -     S        S    -       -          -      -            -            -',
  'case.reassign':           '-         -     -     -        S    -       -          -      -            -            -',
  'case.hand_back':          '-         -     -     S        -    -       -          -      -            -            -',
  'case.escalate':           '-         -     -     -        S    -       -          -      -            -            -',
  'case.withdraw':           'S         S     -     -        -    -       -          -      -            -            -',
  'case.terminate':          '-         -     -     -        S    -       -          -      -            -            -',
  'case.supply_gap':         'S         S     S     -        -    -       -          -      -            -            -',
  'case.conclude':           '-         -     S     S        S    -       -          -      -            -            -',
  'case.deliver':            '-         -     S     S        S    -       -          -      -            -            -',
  'case.approve_on_promise': '-         -     S     S        -    -       -          -      -            -            -',
  'case.verify':             '-         -     -     S        S    -       -          -      -            -            -',
  'case.revoke':             '-         -     -     S        S    -       -          -      -            -            -',
  'case.post_originals':     'S         S     S     S        -    -       -          -      -            -            -',
  'case.receive_originals':  '-         -     S     S        -    -       -          -      -            -            -',
};
const COLUMNS: Role[] = [
  'applicant',
  'agent',
  'window_clerk',
  'department_reviewer',
  'department_head',
  'hall_manager',
  'supervisor',
  'catalogue_editor',
  'catalogue_reviewer',
  'system_admin',
  'hotline_operator',
];

const ORG_HERE = '00000000-0000-4000-8000-000000000001';
const ORG_ELSEWHERE = '00000000-0000-4000-8000-000000000002';
const ACTOR_ID = '00000000-0000-4000-8000-0000000000aa';

function actorWith(role: Role): Actor {
  const regionWide = REGION_WIDE_ROLES.includes(role);
  return {
    accountId: ACTOR_ID,
    kind: role === 'applicant' ? 'person' : 'staff',
    login: 'someone',
    displayName: '某人',
    organisationId: regionWide || role === 'applicant' ? null : ORG_HERE,
    grants: [
      {
        role,
        organisationId: regionWide || role === 'applicant' ? null : ORG_HERE,
        regionPath: regionWide ? '610000/610100' : null,
      },
    ],
  };
}

const IN_SCOPE: Resource = {
  organisationId: ORG_HERE,
  regionPath: '610000/610100/610102',
  ownerAccountId: ACTOR_ID,
  hallOrganisationId: ORG_HERE,
  agentAccountId: ACTOR_ID,
};
const OUT_OF_SCOPE: Resource = {
  organisationId: ORG_ELSEWHERE,
  regionPath: '610000/610300/610302',
  ownerAccountId: '00000000-0000-4000-8000-0000000000bb',
  hallOrganisationId: ORG_ELSEWHERE,
  agentAccountId: '00000000-0000-4000-8000-0000000000bb',
};

test('the matrix covers every role and every action', () => {
  assert.deepEqual([...COLUMNS].sort(), [...ROLES].sort());
  assert.deepEqual(Object.keys(MATRIX).sort(), [...ACTIONS].sort());
});

for (const action of ACTIONS) {
  const cells = MATRIX[action].trim().split(/\s+/);
  assert.equal(cells.length, COLUMNS.length, `row ${action} has one cell per role`);
  COLUMNS.forEach((role, i) => {
    const expected = cells[i];
    test(`${role} × ${action} → ${expected}`, () => {
      const actor = actorWith(role);
      assert.equal(can(actor, action, IN_SCOPE), expected !== '-', 'in scope');
      assert.equal(can(actor, action, OUT_OF_SCOPE), expected === 'Y', 'out of scope');
    });
  });
}

test('an actor without grants may do nothing, not even on its own data', () => {
  const actor: Actor = { ...actorWith('system_admin'), grants: [] };
  for (const action of ACTIONS) {
    assert.equal(can(actor, action, IN_SCOPE), false, action);
    assert.equal(can(actor, action, {}), false, action);
  }
});

test('a region-wide grant covers its own region and the subtree, not a sibling sharing a prefix', () => {
  const admin = actorWith('system_admin');
  assert.equal(can(admin, 'organisation.manage', { regionPath: '610000/610100' }), true);
  assert.equal(can(admin, 'organisation.manage', { regionPath: '610000/610100/610102/610102001' }), true);
  assert.equal(can(admin, 'organisation.manage', { regionPath: '610000/6101001' }), false);
  assert.equal(can(admin, 'organisation.manage', { regionPath: '610000' }), false, 'not the parent');
  assert.equal(can(admin, 'organisation.manage', { organisationId: ORG_HERE }), false, 'needs a region');
});

test('an organisation-scoped grant is not widened by a matching region', () => {
  const manager = actorWith('hall_manager');
  assert.equal(can(manager, 'hall.manage', { regionPath: '610000/610100/610102' }), false);
  assert.equal(can(manager, 'hall.manage', { organisationId: ORG_HERE }), true);
});

test('an editor edits only its own organisation; a catalogue reviewer reviews its region subtree', () => {
  const editor = actorWith('catalogue_editor');
  const reviewer = actorWith('catalogue_reviewer');
  const other = { organisationId: ORG_ELSEWHERE, regionPath: '610000/610100/610102' };
  assert.equal(can(editor, 'catalogue.edit', other), false, 'another department in the same district');
  assert.equal(can(editor, 'catalogue.review', IN_SCOPE), false, 'editors do not approve');
  assert.equal(can(reviewer, 'catalogue.review', other), true);
  assert.equal(can(reviewer, 'catalogue.edit', other), false, 'reviewers do not edit');
  assert.equal(can(reviewer, 'catalogue.review', { regionPath: '610000' }), false, 'not the province');
});

test('several grants: each is checked on its own scope', () => {
  const actor: Actor = {
    ...actorWith('department_head'),
    grants: [
      { role: 'window_clerk', organisationId: ORG_ELSEWHERE, regionPath: null },
      { role: 'department_head', organisationId: ORG_HERE, regionPath: null },
    ],
  };
  assert.equal(can(actor, 'account.read', { organisationId: ORG_HERE }), true);
  assert.equal(can(actor, 'account.read', { organisationId: ORG_ELSEWHERE }), false);
  assert.equal(can(actor, 'organisation.read', { organisationId: ORG_ELSEWHERE }), true);
});

test('scopeOf lists where an actor may do an action, for filtering lists', () => {
  const actor: Actor = {
    ...actorWith('catalogue_editor'),
    grants: [
      { role: 'catalogue_editor', organisationId: ORG_HERE, regionPath: null },
      { role: 'catalogue_reviewer', organisationId: null, regionPath: '610000/610100' },
      { role: 'window_clerk', organisationId: ORG_ELSEWHERE, regionPath: null },
    ],
  };
  assert.deepEqual(scopeOf(actor, 'catalogue.read'), {
    anywhere: false,
    organisationIds: [ORG_HERE],
    regionPaths: ['610000/610100'],
  });
  assert.deepEqual(scopeOf(actor, 'catalogue.edit'), {
    anywhere: false,
    organisationIds: [ORG_HERE],
    regionPaths: [],
  });
  assert.equal(scopeOf(actor, 'catalogue.basic_matters').anywhere, true);
  assert.deepEqual(scopeOf(actorWith('window_clerk'), 'catalogue.read'), {
    anywhere: false,
    organisationIds: [],
    regionPaths: [],
  });
});

test('cases: a clerk reaches the cases of his hall, not those of the department his hall serves', () => {
  const clerk = actorWith('window_clerk');
  const reviewer = actorWith('department_reviewer');
  const atMyHallForOtherDepartment = { organisationId: ORG_ELSEWHERE, hallOrganisationId: ORG_HERE };
  const onlineForMyDepartment = { organisationId: ORG_HERE, hallOrganisationId: null };
  assert.equal(can(clerk, 'case.accept', atMyHallForOtherDepartment), true);
  assert.equal(can(clerk, 'case.accept', onlineForMyDepartment), false);
  assert.equal(can(reviewer, 'case.accept', onlineForMyDepartment), true);
  assert.equal(can(reviewer, 'case.read', atMyHallForOtherDepartment), false);
  assert.deepEqual(caseScopeOf(clerk, 'case.read'), {
    anywhere: false,
    organisationIds: [],
    regionPaths: [],
    hallOrganisationIds: [ORG_HERE],
    own: false,
    asAgent: false,
  });
  assert.equal(caseScopeOf(actorWith('applicant'), 'case.read').own, true);
  assert.equal(caseScopeOf(actorWith('agent'), 'case.read').asAgent, true);
});
