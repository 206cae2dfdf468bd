/**
 * The supervisors' desk work (approvals, setup codes), loaded as one chunk when first opened; the
 * figures and letters are a chunk of their own (figures.ts), with chart.js.
 */
export { ApprovalsPage } from './approvals-page';
export { SetupCodesPage } from './setup-codes-page';
