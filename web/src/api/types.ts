import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON answer of a route for a status. */
export type Response<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? Json<R[S]>
    : never
  : never;

/** The JSON body a route takes. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B }
  ? Json<NonNullable<B>>
  : never;

export type CardView = Response<'/api/v1/cards/{id}', 'get'>;
export type ResidentDetail = Response<'/api/v1/residents/{id}', 'get'>;
export type ResidentSummary = Response<'/api/v1/residents', 'get'>['residents'][number];
export type SessionUser = Response<'/api/v1/session', 'get'>['user'];
export type Offices = Response<'/api/v1/offices', 'get'>;
export type Approval = Response<'/api/v1/approvals', 'get'>[number];
export type AuditEntry = Response<'/api/v1/audit', 'get'>[number];
export type Procedure = Response<'/api/v1/residents/{id}/procedures', 'get'>[number];
export type Dashboard = Response<'/api/v1/reports/dashboard', 'get'>;
export type JobRun = Response<'/api/v1/jobs/sweep/runs', 'get'>[number];
export type ReportName = Response<'/api/v1/reports', 'get'>[number]['name'];
export type Report = Response<'/api/v1/reports/{name}', 'get'>;
export type NoticeKind = Response<'/api/v1/notices/{kind}', 'get'>['kind'];
export type NoticeList = Response<'/api/v1/notices/{kind}', 'get'>;
export type Notice = NoticeList['notices'][number];
/** What the signed-in staff member may do, as the session names it (the server's role table decides). */
export type Permission = Response<'/api/v1/session', 'get'>['permissions'][number];
/** What the one asking may do to a card now, as the card's view names it. */
export type CardAction = CardView['allowedActions'][number];
/** What the one asking may ask about a resident now, as the resident's view names it. */
export type ResidentAction = ResidentDetail['allowedActions'][number];
/** The city's effective policy, as the rules apply it (GET /api/v1/policy). */
export type Policy = Response<'/api/v1/policy', 'get'>;
export type DeliveryReport = Response<'/api/v1/deliveries', 'post'>;
