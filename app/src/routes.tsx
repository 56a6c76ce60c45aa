import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading, NotFound } from './components/status.tsx';
import { PortalLayout } from './layout/PortalLayout.tsx';
import { Home } from './portal/Home.tsx';
import type { WorkbenchPage } from './workbench/menu.ts';

// Everything but the portal's home page loads on demand, keeping the first load small.
const SearchPage = lazy(() => import('./catalogue/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const BrowsePage = lazy(() => import('./catalogue/BrowsePage.tsx').then((m) => ({ default: m.BrowsePage })));
const GuidePage = lazy(() => import('./catalogue/GuidePage.tsx').then((m) => ({ default: m.GuidePage })));
const StatisticsPage = lazy(() =>
  import('./catalogue/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })),
);
const Login = lazy(() => import('./portal/Login.tsx').then((m) => ({ default: m.Login })));
const Register = lazy(() => import('./portal/Register.tsx').then((m) => ({ default: m.Register })));
const MySpace = lazy(() => import('./portal/MySpace.tsx').then((m) => ({ default: m.MySpace })));
const WorkbenchLayout = lazy(() =>
  import('./workbench/WorkbenchLayout.tsx').then((m) => ({ default: m.WorkbenchLayout })),
);
const Welcome = lazy(() => import('./workbench/Welcome.tsx').then((m) => ({ default: m.Welcome })));
const RegionsPage = lazy(() =>
  import('./admin/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })),
);
const OrganisationsPage = lazy(() =>
  import('./admin/organisations/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const HallsPage = lazy(() => import('./admin/halls/HallsPage.tsx').then((m) => ({ default: m.HallsPage })));
const AccountsPage = lazy(() =>
  import('./admin/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() => import('./admin/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const RegistriesPage = lazy(() =>
  import('./admin/registries/RegistriesPage.tsx').then((m) => ({ default: m.RegistriesPage })),
);
const ImplementationsPage = lazy(() =>
  import('./workbench/catalogue/ImplementationsPage.tsx').then((m) => ({ default: m.ImplementationsPage })),
);
const ImplementationPage = lazy(() =>
  import('./workbench/catalogue/ImplementationPage.tsx').then((m) => ({ default: m.ImplementationPage })),
);
const CatalogueReviewPage = lazy(() =>
  import('./workbench/catalogue/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const CatalogueStatisticsPage = lazy(() =>
  import('./workbench/catalogue/StatisticsPage.tsx').then((m) => ({ default: m.CatalogueStatisticsPage })),
);
const ApplyPage = lazy(() => import('./cases/ApplyPage.tsx').then((m) => ({ default: m.ApplyPage })));
const MyCasePage = lazy(() => import('./cases/MyCasePage.tsx').then((m) => ({ default: m.MyCasePage })));
const ProgressPage = lazy(() =>
  import('./cases/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })),
);
const IntakePage = lazy(() =>
  import('./workbench/cases/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
);
const QueuePage = lazy(() =>
  import('./workbench/cases/QueuePage.tsx').then((m) => ({ default: m.QueuePage })),
);
const WarningsPage = lazy(() =>
  import('./workbench/cases/QueuePage.tsx').then((m) => ({ default: m.WarningsPage })),
);
const AgentApplyPage = lazy(() =>
  import('./workbench/agent/AgentApplyPage.tsx').then((m) => ({ default: m.AgentApplyPage })),
);
const AgentCasesPage = lazy(() =>
  import('./workbench/agent/AgentCasesPage.tsx').then((m) => ({ default: m.AgentCasesPage })),
);
const CreditPage = lazy(() =>
  import('./workbench/credit/CreditPage.tsx').then((m) => ({ default: m.CreditPage })),
);
const CaseDetailPage = lazy(() =>
  import('./workbench/cases/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })),
);
const VerifyPage = lazy(() =>
  import('./certificates/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })),
);
const WalletPage = lazy(() =>
  import('./certificates/WalletPage.tsx').then((m) => ({ default: m.WalletPage })),
);
const CertificateLookupPage = lazy(() =>
  import('./certificates/LookupPage.tsx').then((m) => ({ default: m.LookupPage })),
);
const IssuedCertificatesPage = lazy(() =>
  import('./certificates/IssuedPage.tsx').then((m) => ({ default: m.IssuedPage })),
);
const KioskPage = lazy(() => import('./kiosk/KioskPage.tsx').then((m) => ({ default: m.KioskPage })));
const KioskSetupPage = lazy(() => import('./kiosk/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const RequirePage = lazy(() =>
  import('./workbench/RequirePage.tsx').then((m) => ({ default: m.RequirePage })),
);

function Deferred({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Guarded({ page, children }: { page: WorkbenchPage; children: React.ReactNode }) {
  return (
    <Deferred>
      <RequirePage page={page}>{children}</RequirePage>
    </Deferred>
  );
}

export const router = createBrowserRouter([
  // The self-service kiosk runs full screen, outside the portal and workbench layouts.
  {
    path: '/kiosk',
    element: (
      <Deferred>
        <KioskPage />
      </Deferred>
    ),
  },
  {
    path: '/kiosk/setup',
    element: (
      <Deferred>
        <KioskSetupPage />
      </Deferred>
    ),
  },
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <Home /> },
      {
        path: 'search',
        element: (
          <Deferred>
            <SearchPage />
          </Deferred>
        ),
      },
      {
        path: 'matters',
        element: (
          <Deferred>
            <BrowsePage />
          </Deferred>
        ),
      },
      {
        path: 'guide/:implementationId',
        element: (
          <Deferred>
            <GuidePage />
          </Deferred>
        ),
      },
      {
        path: 'statistics',
        element: (
          <Deferred>
            <StatisticsPage />
          </Deferred>
        ),
      },
      {
        path: 'login',
        element: (
          <Deferred>
            <Login />
          </Deferred>
        ),
      },
      {
        path: 'register',
        element: (
          <Deferred>
            <Register />
          </Deferred>
        ),
      },
      {
        path: 'my',
        element: (
          <Deferred>
            <MySpace />
          </Deferred>
        ),
      },
      {
        path: 'my/certificates',
        element: (
          <Deferred>
            <WalletPage />
          </Deferred>
        ),
      },
      {
        path: 'verify',
        element: (
          <Deferred>
            <VerifyPage />
          </Deferred>
        ),
      },
      {
        path: 'verify/:code',
        element: (
          <Deferred>
            <VerifyPage />
          </Deferred>
        ),
      },
      {
        path: 'my/cases/:id',
        element: (
          <Deferred>
            <MyCasePage />
          </Deferred>
        ),
      },
      {
        path: 'apply/:implementationId',
        element: (
          <Deferred>
            <ApplyPage />
          </Deferred>
        ),
      },
      {
        path: 'progress',
        element: (
          <Deferred>
            <ProgressPage />
          </Deferred>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
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
      {
        path: 'intake',
        element: (
          <Guarded page="intake">
            <IntakePage />
          </Guarded>
        ),
      },
      {
        path: 'agent/apply',
        element: (
          <Guarded page="agentApply">
            <AgentApplyPage />
          </Guarded>
        ),
      },
      {
        path: 'agent/cases',
        element: (
          <Guarded page="agentCases">
            <AgentCasesPage />
          </Guarded>
        ),
      },
      {
        path: 'review',
        element: (
          <Guarded page="review">
            <QueuePage />
          </Guarded>
        ),
      },
      {
        path: 'warnings',
        element: (
          <Guarded page="warnings">
            <WarningsPage />
          </Guarded>
        ),
      },
      {
        path: 'credit',
        element: (
          <Guarded page="credit">
            <CreditPage />
          </Guarded>
        ),
      },
      {
        path: 'certificates',
        element: (
          <Guarded page="certificates">
            <CertificateLookupPage />
          </Guarded>
        ),
      },
      {
        path: 'issued-certificates',
        element: (
          <Guarded page="issuedCertificates">
            <IssuedCertificatesPage />
          </Guarded>
        ),
      },
      {
        path: 'cases/:id',
        element: (
          <Deferred>
            <CaseDetailPage />
          </Deferred>
        ),
      },
      {
        path: 'catalogue',
        element: (
          <Guarded page="catalogue">
            <ImplementationsPage />
          </Guarded>
        ),
      },
      {
        path: 'catalogue/:id',
        element: (
          <Guarded page="catalogue">
            <ImplementationPage />
          </Guarded>
        ),
      },
      {
        path: 'catalogue-review',
        element: (
          <Guarded page="catalogueReview">
            <CatalogueReviewPage />
          </Guarded>
        ),
      },
      {
        path: 'catalogue-statistics',
        element: (
          <Guarded page="catalogueStatistics">
            <CatalogueStatisticsPage />
          </Guarded>
        ),
      },
      {
        path: 'regions',
        element: (
          <Guarded page="regions">
            <RegionsPage />
          </Guarded>
        ),
      },
      {
        path: 'organisations',
        element: (
          <Guarded page="organisations">
            <OrganisationsPage />
          </Guarded>
        ),
      },
      {
        path: 'halls',
        element: (
          <Guarded page="halls">
            <HallsPage />
          </Guarded>
        ),
      },
      {
        path: 'accounts',
        element: (
          <Guarded page="accounts">
            <AccountsPage />
          </Guarded>
        ),
      },
      {
        path: 'registries',
        element: (
          <Guarded page="registries">
            <RegistriesPage />
          </Guarded>
        ),
      },
      {
        path: 'audit',
        element: (
          <Guarded page="audit">
            <AuditPage />
          </Guarded>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
