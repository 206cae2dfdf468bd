import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { StaffPage } from './admin/staff-page';
import { AuditPage } from './auditor/audit-page';
import { homeOf } from './auth/home';
import { PasswordPage } from './auth/password-page';
import { SessionProvider, useSession } from './auth/session';
import { SetupPage } from './auth/setup-page';
import { SignInPage } from './auth/sign-in-page';
import { Layout, Page } from './components/layout';
import { CardProcedureRoute, RegisterRoute, ResidentProcedureRoute } from './counter/procedure-route';
import { ResidentPage } from './counter/resident-page';
import { SearchPage } from './counter/search-page';
import { SlipPage } from './counter/slip-page';
import { HotlinePage } from './hotline/hotline-page';
import { LanguageProvider, useI18n } from './i18n/i18n';
import { ApprovalsPage } from './supervisor/approvals-page';
import { SetupCodesPage } from './supervisor/setup-codes-page';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles.css';

/** Only the roles given may see the page; others go to their own start page, strangers to sign-in. */
function Only({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { user } = useSession();
  const { t } = useI18n();
  if (user === undefined) return <Page title={t('common.loading')}>{null}</Page>;
  if (user === null) return <Navigate to="/signin" replace />;
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  if (!roles.includes(user.role)) return <Navigate to={homeOf(user)} replace />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  if (user === undefined) return null;
  return <Navigate to={user ? homeOf(user) : '/signin'} replace />;
}

const figures = () => import('./supervisor/figures');
const DashboardPage = lazy(() => figures().then((module) => ({ default: module.DashboardPage })));
const SweepRunsPage = lazy(() => figures().then((module) => ({ default: module.SweepRunsPage })));
const ReportsPage = lazy(() => figures().then((module) => ({ default: module.ReportsPage })));
const NoticesPage = lazy(() => figures().then((module) => ({ default: module.NoticesPage })));
const NoticeLettersPage = lazy(() => figures().then((module) => ({ default: module.NoticeLettersPage })));

function Loading() {
  const { t } = useI18n();
  return <Page title={t('common.loading')}>{null}</Page>;
}

function Frame() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </Layout>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <Page title={t('common.notFound')}>{null}</Page>;
}

const COUNTER = ['clerk', 'supervisor'];
/** Who reads the figures (report.read on the server); notices name residents, so supervisors only. */
const FIGURES = ['supervisor', 'auditor'];

const router = createBrowserRouter([
  {
    element: <Frame />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/password', element: <PasswordPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/residents', element: <Only roles={COUNTER}><SearchPage /></Only> },
      { path: '/residents/new', element: <Only roles={COUNTER}><RegisterRoute /></Only> },
      { path: '/residents/arrival', element: <Only roles={COUNTER}><RegisterRoute arrival /></Only> },
      { path: '/residents/:id', element: <Only roles={COUNTER}><ResidentPage /></Only> },
      { path: '/residents/:id/:procedure', element: <Only roles={COUNTER}><ResidentProcedureRoute /></Only> },
      { path: '/cards/:id/:procedure', element: <Only roles={COUNTER}><CardProcedureRoute /></Only> },
      { path: '/slips/:id', element: <Only roles={COUNTER}><SlipPage /></Only> },
      { path: '/approvals', element: <Only roles={COUNTER}><ApprovalsPage /></Only> },
      { path: '/dashboard', element: <Only roles={FIGURES}><DashboardPage /></Only> },
      { path: '/dashboard/sweeps', element: <Only roles={FIGURES}><SweepRunsPage /></Only> },
      { path: '/reports', element: <Only roles={FIGURES}><ReportsPage /></Only> },
      { path: '/notices', element: <Only roles={['supervisor']}><NoticesPage /></Only> },
      { path: '/notices/letters', element: <Only roles={['supervisor']}><NoticeLettersPage /></Only> },
      { path: '/setup-codes', element: <Only roles={['supervisor']}><SetupCodesPage /></Only> },
      { path: '/hotline', element: <Only roles={['hotline']}><HotlinePage /></Only> },
      { path: '/audit', element: <Only roles={['auditor']}><AuditPage /></Only> },
      { path: '/staff', element: <Only roles={['admin']}><StaffPage /></Only> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </LanguageProvider>
  </StrictMode>,
);
