/**
 * Accounts: staff and applicant accounts, their roles, sign-in, sessions and claiming a walk-in account.
 * The front door of the module: other modules import only from here.
 */
export { currentActor, loadActor } from './actors.ts';
export type { SendCode } from './claim.ts';
export { accountContact, currentPhone, keepPhone, phoneOf } from './contacts.ts';
export { displayLogin, isMobile, normaliseLogin } from './logins.ts';
export {
  accountIdColumn,
  accountNameJson,
  accountNames,
  accountNamesJson,
  nameFromJson,
  namesFromJson,
} from './names.ts';
export { hashPassword } from './passwords.ts';
export { type PurgeCounts, purgeExpiredSignIns } from './purge.ts';
export { registerApplicant } from './registration.ts';
export {
  activeRoleHolders,
  addGrant,
  addRoleAssignment,
  type GrantInput,
  removeRoleAssignment,
} from './role-assignments.ts';
export { accountRoutes } from './routes.ts';
export { createStaffAccount, listStaffAccounts } from './service.ts';
export { clearSessionCookie, setSessionCookie, userAgentOf } from './session-cookie.ts';
export { closeSession, findSession, type NewSession, openSession, SESSION_COOKIE } from './sessions.ts';
export { type SignInRouteOptions, signInRoutes } from './sign-in-routes.ts';
export { accounts, roleAssignments, sessions, signInThrottle } from './tables.ts';
export { countAttempt } from './throttle.ts';
export { findApplicant, findOrCreateWalkInApplicant, type WalkInApplicant } from './walk-in.ts';
