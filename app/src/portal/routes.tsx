import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { deferred } from '../components/deferred.tsx';
import { NotFound } from '../components/status.tsx';
import { Home } from './Home.tsx';
import { PortalLayout } from './PortalLayout.tsx';

// Everything but the portal's home page loads on demand, keeping the first load small.
const SearchPage = lazy(() => import('../catalogue/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const BrowsePage = lazy(() => import('../catalogue/BrowsePage.tsx').then((m) => ({ default: m.BrowsePage })));
const GuidePage = lazy(() => import('../catalogue/GuidePage.tsx').then((m) => ({ default: m.GuidePage })));
const StatisticsPage = lazy(() =>
  import('../catalogue/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })),
);
const Login = lazy(() => import('../auth/Login.tsx').then((m) => ({ default: m.Login })));
const Register = lazy(() => import('../auth/Register.tsx').then((m) => ({ default: m.Register })));
const MySpace = lazy(() => import('./MySpace.tsx').then((m) => ({ default: m.MySpace })));
const WalletPage = lazy(() =>
  import('../certificates/WalletPage.tsx').then((m) => ({ default: m.WalletPage })),
);
const VerifyPage = lazy(() =>
  import('../certificates/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })),
);
const MyCasePage = lazy(() => import('../cases/MyCasePage.tsx').then((m) => ({ default: m.MyCasePage })));
const ApplyPage = lazy(() => import('../cases/ApplyPage.tsx').then((m) => ({ default: m.ApplyPage })));
const AppointmentsPage = lazy(() =>
  import('../appointments/AppointmentsPage.tsx').then((m) => ({ default: m.AppointmentsPage })),
);
const TakePage = lazy(() => import('../tickets/take/TakePage.tsx').then((m) => ({ default: m.TakePage })));
const TicketPage = lazy(() =>
  import('../tickets/take/TicketPage.tsx').then((m) => ({ default: m.TicketPage })),
);
const StationsPage = lazy(() =>
  import('../stations/StationsPage.tsx').then((m) => ({ default: m.StationsPage })),
);
const InspectorsPage = lazy(() =>
  import('../inspectors/AboutPage.tsx').then((m) => ({ default: m.AboutPage })),
);
const InspectorFindingsPage = lazy(() =>
  import('../inspectors/PublishedPage.tsx').then((m) => ({ default: m.PublishedPage })),
);
const MyInspectorPage = lazy(() =>
  import('../inspectors/MyInspectorPage.tsx').then((m) => ({ default: m.MyInspectorPage })),
);
const InspectorReportPage = lazy(() =>
  import('../inspectors/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
const InspectorFindingPage = lazy(() =>
  import('../inspectors/FindingPage.tsx').then((m) => ({ default: m.FindingPage })),
);
const LinkRatingPage = lazy(() =>
  import('../ratings/LinkRatingPage.tsx').then((m) => ({ default: m.LinkRatingPage })),
);
const HotlinePortalPage = lazy(() =>
  import('../hotline/PortalPage.tsx').then((m) => ({ default: m.PortalPage })),
);
const PublicationPage = lazy(() =>
  import('../ratings/PublicationPage.tsx').then((m) => ({ default: m.PublicationPage })),
);
const ProgressPage = lazy(() =>
  import('../cases/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })),
);

/** The public portal: catalogue, sign-in, the applicant's space, certificate verification, progress. */
export const portalRoutes: RouteObject = {
  path: '/',
  element: <PortalLayout />,
  children: [
    { index: true, element: <Home /> },
    deferred('search', <SearchPage />),
    deferred('matters', <BrowsePage />),
    deferred('guide/:implementationId', <GuidePage />),
    deferred('statistics', <StatisticsPage />),
    deferred('login', <Login />),
    deferred('register', <Register />),
    deferred('my', <MySpace />),
    deferred('my/certificates', <WalletPage />),
    deferred('my/hotline', <HotlinePortalPage />),
    deferred('my/inspector', <MyInspectorPage />),
    deferred('my/inspector/report', <InspectorReportPage />),
    deferred('my/inspector/findings/:id', <InspectorFindingPage />),
    deferred('inspectors', <InspectorsPage />),
    deferred('inspectors/findings', <InspectorFindingsPage />),
    deferred('verify', <VerifyPage />),
    deferred('verify/:code', <VerifyPage />),
    deferred('my/cases/:id', <MyCasePage />),
    deferred('apply/:implementationId', <ApplyPage />),
    deferred('progress', <ProgressPage />),
    deferred('appointments', <AppointmentsPage />),
    deferred('stations', <StationsPage />),
    deferred('halls/:id/take', <TakePage />),
    deferred('tickets/:id', <TicketPage />),
    deferred('rate/:token', <LinkRatingPage />),
    deferred('evaluation', <PublicationPage />),
    { path: '*', element: <NotFound /> },
  ],
};
