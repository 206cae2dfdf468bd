import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { ACCESS, homeOf, passes, type Gate } from './auth/access';
import { PasswordPage } from './auth/password-page';
import { SessionProvider, useSession } from './auth/session';
import { SetupPage } from './auth/setup-page';
import { SignInPage } from './auth/sign-in-page';
import { Layout, Page } from './components/layout';
import { LanguageProvider, useI18n } from './i18n/i18n';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles.css';

/** Only those the gate lets in may see the page; others go to their own start page, strangers to sign-in. */
function Only({ gate, children }: { gate: Gate; children: ReactNode }) {
  const { user, permissions } = useSession();
  const { t } = useI18n();
  if (user === undefined) return <Page title={t('common.loading')}>{null}</Page>;
  if (user === null) return <Navigate to="/signin" replace />;
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  if (!passes(permissions, gate)) return <Navigate to="/" replace />;
  // The page's own boundary: while its chunk loads, its fallback takes the place of the loading
  // page above, rather than the frame's boundary hiding that page beside a second heading.
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The start page of whoever is signed in; a session that opens no page is told so rather than sent round. */
function Home() {
  const { user, permissions } = useSession();
  const { t } = useI18n();
  if (user === undefined) return null;
  if (user === null) return <Navigate to="/signin" replace />;
  const home = homeOf(user, permissions);
  return home ? <Navigate to={home} replace /> : <Page title={t('common.noPages')}>{null}</Page>;
}

// Each role's screens are a chunk of their own, fetched when first opened: the sign-in page loads
// only the frame, the session and the sign-in forms, and a clerk's desk never loads chart.js.
const counter = () => import('./counter/counter-screens');
const SearchPage = lazy(() => counter().then((module) => ({ default: module.SearchPage })));
const ResidentPage = lazy(() => counter().then((module) => ({ default: module.ResidentPage })));
const AppointmentsPage = lazy(() => counter().then((module) => ({ default: module.AppointmentsPage })));
const SlipPage = lazy(() => counter().then((module) => ({ default: module.SlipPage })));
const DeliveryPage = lazy(() => counter().then((module) => ({ default: module.DeliveryPage })));
const RegisterRoute = lazy(() => counter().then((module) => ({ default: module.RegisterRoute })));
const ResidentProcedureRoute = lazy(() => counter().then((module) => ({ default: module.ResidentProcedureRoute })));
const CardProcedureRoute = lazy(() => counter().then((module) => ({ default: module.CardProcedureRoute })));
const HotlinePage = lazy(() => import('./hotline/hotline-page').then((module) => ({ default: module.HotlinePage })));
const supervisor = () => import('./supervisor/supervisor-screens');
const ApprovalsPage = lazy(() => supervisor().then((module) => ({ default: module.ApprovalsPage })));
const SetupCodesPage = lazy(() => supervisor().then((module) => ({ default: module.SetupCodesPage })));
const AuditPage = lazy(() => import('./auditor/audit-page').then((module) => ({ default: module.AuditPage })));
const StaffPage = lazy(() => import('./admin/staff-page').then((module) => ({ default: module.StaffPage })));
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

const router = createBrowserRouter([
  {
    element: <Frame />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/password', element: <PasswordPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/residents', element: <Only gate={ACCESS.counter}><SearchPage /></Only> },
      { path: '/residents/new', element: <Only gate={ACCESS.register}><RegisterRoute /></Only> },
      { path: '/residents/arrival', element: <Only gate={ACCESS.register}><RegisterRoute arrival /></Only> },
      { path: '/residents/:id', element: <Only gate={ACCESS.counter}><ResidentPage /></Only> },
      { path: '/residents/:id/:procedure', element: <Only gate={ACCESS.counter}><ResidentProcedureRoute /></Only> },
      { path: '/cards/:id/:procedure', element: <Only gate={ACCESS.counter}><CardProcedureRoute /></Only> },
      { path: '/appointments', element: <Only gate={ACCESS.appointments}><AppointmentsPage /></Only> },
      { path: '/slips/:id', element: <Only gate={ACCESS.counter}><SlipPage /></Only> },
      { path: '/deliveries', element: <Only gate={ACCESS.delivery}><DeliveryPage /></Only> },
      { path: '/approvals', element: <Only gate={ACCESS.approvals}><ApprovalsPage /></Only> },
      { path: '/dashboard', element: <Only gate={ACCESS.figures}><DashboardPage /></Only> },
      { path: '/dashboard/sweeps', element: <Only gate={ACCESS.figures}><SweepRunsPage /></Only> },
      { path: '/reports', element: <Only gate={ACCESS.figures}><ReportsPage /></Only> },
      { path: '/notices', element: <Only gate={ACCESS.notices}><NoticesPage /></Only> },
      { path: '/notices/letters', element: <Only gate={ACCESS.notices}><NoticeLettersPage /></Only> },
      { path: '/setup-codes', element: <Only gate={ACCESS.setupCodes}><SetupCodesPage /></Only> },
      { path: '/hotline', element: <Only gate={ACCESS.hotline}><HotlinePage /></Only> },
      { path: '/audit', element: <Only gate={ACCESS.audit}><AuditPage /></Only> },
      { path: '/staff', element: <Only gate={ACCESS.staff}><StaffPage /></Only> },
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
