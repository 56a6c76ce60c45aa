import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../components/status.tsx';
import { Deferred, deferred, guarded } from './deferred.tsx';

const WorkbenchLayout = lazy(() =>
  import('../workbench/WorkbenchLayout.tsx').then((m) => ({ default: m.WorkbenchLayout })),
);
const Welcome = lazy(() => import('../workbench/Welcome.tsx').then((m) => ({ default: m.Welcome })));
const RegionsPage = lazy(() =>
  import('../admin/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })),
);
const OrganisationsPage = lazy(() =>
  import('../admin/organisations/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const HallsPage = lazy(() => import('../admin/halls/HallsPage.tsx').then((m) => ({ default: m.HallsPage })));
const AccountsPage = lazy(() =>
  import('../admin/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() => import('../admin/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const RegistriesPage = lazy(() =>
  import('../admin/registries/RegistriesPage.tsx').then((m) => ({ default: m.RegistriesPage })),
);
const ImplementationsPage = lazy(() =>
  import('../workbench/catalogue/ImplementationsPage.tsx').then((m) => ({ default: m.ImplementationsPage })),
);
const ImplementationPage = lazy(() =>
  import('../workbench/catalogue/ImplementationPage.tsx').then((m) => ({ default: m.ImplementationPage })),
);
const CatalogueReviewPage = lazy(() =>
  import('../workbench/catalogue/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const CatalogueStatisticsPage = lazy(() =>
  import('../workbench/catalogue/StatisticsPage.tsx').then((m) => ({ default: m.CatalogueStatisticsPage })),
);
const IntakePage = lazy(() =>
  import('../workbench/cases/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
);
const QueuePage = lazy(() =>
  import('../workbench/cases/QueuePage.tsx').then((m) => ({ default: m.QueuePage })),
);
const WarningsPage = lazy(() =>
  import('../workbench/cases/QueuePage.tsx').then((m) => ({ default: m.WarningsPage })),
);
const AgentApplyPage = lazy(() =>
  import('../workbench/agent/AgentApplyPage.tsx').then((m) => ({ default: m.AgentApplyPage })),
);
const AgentCasesPage = lazy(() =>
  import('../workbench/agent/AgentCasesPage.tsx').then((m) => ({ default: m.AgentCasesPage })),
);
const CreditPage = lazy(() =>
  import('../workbench/credit/CreditPage.tsx').then((m) => ({ default: m.CreditPage })),
);
const CaseDetailPage = lazy(() =>
  import('../workbench/cases/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })),
);
const CertificateLookupPage = lazy(() =>
  import('../certificates/LookupPage.tsx').then((m) => ({ default: m.LookupPage })),
);
const IssuedCertificatesPage = lazy(() =>
  import('../certificates/IssuedPage.tsx').then((m) => ({ default: m.IssuedPage })),
);

/** The staff workbench: each page only for the roles the menu gives it to (RequirePage). */
export const workbenchRoutes: RouteObject = {
  path: '/workbench',
  element: (
    <Deferred>
      <WorkbenchLayout />
    </Deferred>
  ),
  children: [
    {
      index: true,
      element: (
        <Deferred>
          <Welcome />
        </Deferred>
      ),
    },
    guarded('intake', 'intake', <IntakePage />),
    guarded('agent/apply', 'agentApply', <AgentApplyPage />),
    guarded('agent/cases', 'agentCases', <AgentCasesPage />),
    guarded('review', 'review', <QueuePage />),
    guarded('warnings', 'warnings', <WarningsPage />),
    guarded('credit', 'credit', <CreditPage />),
    guarded('certificates', 'certificates', <CertificateLookupPage />),
    guarded('issued-certificates', 'issuedCertificates', <IssuedCertificatesPage />),
    deferred('cases/:id', <CaseDetailPage />),
    guarded('catalogue', 'catalogue', <ImplementationsPage />),
    guarded('catalogue/:id', 'catalogue', <ImplementationPage />),
    guarded('catalogue-review', 'catalogueReview', <CatalogueReviewPage />),
    guarded('catalogue-statistics', 'catalogueStatistics', <CatalogueStatisticsPage />),
    guarded('regions', 'regions', <RegionsPage />),
    guarded('organisations', 'organisations', <OrganisationsPage />),
    guarded('halls', 'halls', <HallsPage />),
    guarded('accounts', 'accounts', <AccountsPage />),
    guarded('registries', 'registries', <RegistriesPage />),
    guarded('audit', 'audit', <AuditPage />),
    { path: '*', element: <NotFound /> },
  ],
};
