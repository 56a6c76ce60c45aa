import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { adminRoutes } from '../admin/routes.tsx';
import { Deferred, deferred } from '../components/deferred.tsx';
import { NotFound } from '../components/status.tsx';
import { guarded } from './guarded.tsx';

const WorkbenchLayout = lazy(() =>
  import('./WorkbenchLayout.tsx').then((m) => ({ default: m.WorkbenchLayout })),
);
const Welcome = lazy(() => import('./Welcome.tsx').then((m) => ({ default: m.Welcome })));
const ImplementationsPage = lazy(() =>
  import('../catalogue/staff/ImplementationsPage.tsx').then((m) => ({ default: m.ImplementationsPage })),
);
const ImplementationPage = lazy(() =>
  import('../catalogue/staff/ImplementationPage.tsx').then((m) => ({ default: m.ImplementationPage })),
);
const CatalogueReviewPage = lazy(() =>
  import('../catalogue/staff/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const CatalogueStatisticsPage = lazy(() =>
  import('../catalogue/staff/StatisticsPage.tsx').then((m) => ({ default: m.CatalogueStatisticsPage })),
);
const IntakePage = lazy(() =>
  import('../cases/staff/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
);
const CallingPage = lazy(() =>
  import('../tickets/staff/CallingPage.tsx').then((m) => ({ default: m.CallingPage })),
);
const QueuePage = lazy(() => import('../cases/staff/QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
const WarningsPage = lazy(() =>
  import('../cases/staff/QueuePage.tsx').then((m) => ({ default: m.WarningsPage })),
);
const AgentApplyPage = lazy(() =>
  import('../cases/agent/AgentApplyPage.tsx').then((m) => ({ default: m.AgentApplyPage })),
);
const AgentCasesPage = lazy(() =>
  import('../cases/agent/AgentCasesPage.tsx').then((m) => ({ default: m.AgentCasesPage })),
);
const CreditPage = lazy(() =>
  import('../cases/credit/CreditPage.tsx').then((m) => ({ default: m.CreditPage })),
);
const CaseDetailPage = lazy(() =>
  import('../cases/staff/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })),
);
const CertificateLookupPage = lazy(() =>
  import('../certificates/LookupPage.tsx').then((m) => ({ default: m.LookupPage })),
);
const IssuedCertificatesPage = lazy(() =>
  import('../certificates/IssuedPage.tsx').then((m) => ({ default: m.IssuedPage })),
);
const AppointmentSettingsPage = lazy(() =>
  import('../appointments/staff/SettingsPage.tsx').then((m) => ({ default: m.AppointmentSettingsPage })),
);
const TodayAppointmentsPage = lazy(() =>
  import('../appointments/staff/TodayPage.tsx').then((m) => ({ default: m.TodayAppointmentsPage })),
);
const HallBoardPage = lazy(() =>
  import('../tickets/board/BoardPage.tsx').then((m) => ({ default: m.HallBoardPage })),
);
const HallFiguresPage = lazy(() =>
  import('../tickets/board/FiguresPage.tsx').then((m) => ({ default: m.HallFiguresPage })),
);
const HelpRequestsPage = lazy(() =>
  import('../assistance/HelpRequestsPage.tsx').then((m) => ({ default: m.HelpRequestsPage })),
);
const RevisitsPage = lazy(() =>
  import('../ratings/RevisitsPage.tsx').then((m) => ({ default: m.RevisitsPage })),
);
const HotlinePage = lazy(() =>
  import('../hotline/OperatorPage.tsx').then((m) => ({ default: m.OperatorPage })),
);
const HotlineRequestPage = lazy(() =>
  import('../hotline/RequestDetailPage.tsx').then((m) => ({ default: m.RequestDetailPage })),
);
const HotlineTasksPage = lazy(() =>
  import('../hotline/TasksPage.tsx').then((m) => ({ default: m.TasksPage })),
);
const HotlineEscalatedPage = lazy(() =>
  import('../hotline/EscalatedPage.tsx').then((m) => ({ default: m.EscalatedPage })),
);
const HotlineEscalatedRequestPage = lazy(() =>
  import('../hotline/RequestDetailPage.tsx').then((m) => ({ default: m.EscalatedRequestPage })),
);
const HotlineFiguresPage = lazy(() =>
  import('../hotline/FiguresPage.tsx').then((m) => ({ default: m.FiguresPage })),
);
const HotlineFaqPage = lazy(() => import('../hotline/FaqPage.tsx').then((m) => ({ default: m.FaqPage })));
const InspectorsPage = lazy(() =>
  import('../inspectors/ManagePage.tsx').then((m) => ({ default: m.ManagePage })),
);
const InspectorFindingsPage = lazy(() =>
  import('../inspectors/FindingsPage.tsx').then((m) => ({ default: m.RegionFindingsPage })),
);
const InspectorRectifyPage = lazy(() =>
  import('../inspectors/FindingsPage.tsx').then((m) => ({ default: m.RectifyPage })),
);
const AssessmentPage = lazy(() =>
  import('../assessment/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })),
);
const StatisticsPage = lazy(() =>
  import('../statistics/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })),
);
const ReceptionPage = lazy(() =>
  import('../tickets/take/ReceptionPage.tsx').then((m) => ({ default: m.ReceptionPage })),
);
const RegionSettingsPage = lazy(() =>
  import('../region-settings/RegionSettingsPage.tsx').then((m) => ({ default: m.RegionSettingsPage })),
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
    guarded('calling', 'calling', <CallingPage />),
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
    guarded('appointment-settings', 'appointmentSettings', <AppointmentSettingsPage />),
    guarded('appointments-today', 'todayAppointments', <TodayAppointmentsPage />),
    guarded('hall-board', 'hallBoard', <HallBoardPage />),
    guarded('hall-figures', 'hallFigures', <HallFiguresPage />),
    guarded('reception', 'reception', <ReceptionPage />),
    guarded('help-requests', 'helpRequests', <HelpRequestsPage />),
    guarded('revisits', 'revisits', <RevisitsPage />),
    guarded('region-settings', 'regionSettings', <RegionSettingsPage />),
    guarded('hotline', 'hotline', <HotlinePage />),
    guarded('hotline/:id', 'hotline', <HotlineRequestPage />),
    guarded('hotline-tasks', 'hotlineTasks', <HotlineTasksPage />),
    guarded('hotline-escalated', 'hotlineEscalated', <HotlineEscalatedPage />),
    guarded('hotline-escalated/:id', 'hotlineEscalated', <HotlineEscalatedRequestPage />),
    guarded('hotline-figures', 'hotlineFigures', <HotlineFiguresPage />),
    guarded('hotline-faq', 'hotlineFaq', <HotlineFaqPage />),
    guarded('inspectors', 'inspectors', <InspectorsPage />),
    guarded('inspector-findings', 'inspectorFindings', <InspectorFindingsPage />),
    guarded('inspector-rectify', 'inspectorRectify', <InspectorRectifyPage />),
    guarded('assessment', 'assessment', <AssessmentPage />),
    guarded('statistics', 'statistics', <StatisticsPage />),
    ...adminRoutes,
    { path: '*', element: <NotFound /> },
  ],
};
