import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { guarded } from '../workbench/guarded.tsx';

const RegionsPage = lazy(() =>
  import('../regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })),
);
const OrganisationsPage = lazy(() =>
  import('../organisations/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const HallsPage = lazy(() =>
  import('../organisations/HallsPage.tsx').then((m) => ({ default: m.HallsPage })),
);
const AccountsPage = lazy(() =>
  import('../accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() => import('../audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const RegistriesPage = lazy(() =>
  import('../registries/RegistriesPage.tsx').then((m) => ({ default: m.RegistriesPage })),
);

/**
 * The administration (regions, organisations, halls and windows, accounts, registries, audit trail):
 * pages of their domains shown inside the workbench, each only to the roles the menu gives it to.
 */
export const adminRoutes: RouteObject[] = [
  guarded('regions', 'regions', <RegionsPage />),
  guarded('organisations', 'organisations', <OrganisationsPage />),
  guarded('halls', 'halls', <HallsPage />),
  guarded('accounts', 'accounts', <AccountsPage />),
  guarded('registries', 'registries', <RegistriesPage />),
  guarded('audit', 'audit', <AuditPage />),
];
