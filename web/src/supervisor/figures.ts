/**
 * The supervisors' figures and letters, loaded as one chunk when first opened: the counter and
 * hotline screens, used all day at every desk, never download them (nor chart.js, which they load).
 */
export { DashboardPage } from './dashboard-page';
export { NoticeLettersPage } from './notice-letters-page';
export { NoticesPage } from './notices-page';
export { ReportsPage } from './reports-page';
export { SweepRunsPage } from './sweep-runs-page';
