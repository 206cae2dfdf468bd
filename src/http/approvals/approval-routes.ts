import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { authorize } from '../../app/actor.ts';
import { decideApproval, listApprovals, requestApproval } from '../../app/approvals.ts';
import { success } from '../../domain/errors.ts';
import { IdParams, staffRoute } from '../staff-route.ts';
import { ApprovalDecisionBody, ApprovalListQuery, ApprovalRequestBody, ApprovalSchema, ListedApprovalSchema } from './approval-schemas.ts';

const tags = ['approvals'];

/** Supervisor approvals: proxy procedures and individual-number changes. */
export async function approvalRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/approvals',
      summary: 'Ask a supervisor: a proxy procedure (after a recorded enquiry) or a number change',
      tags,
      body: ApprovalRequestBody,
      response: ApprovalSchema,
      status: 201,
      problems: ['RESIDENT.NOT_FOUND', 'PROXY.ENQUIRY_NOT_FOUND', 'APPROVAL.NOT_FOUND', 'APPROVAL.NOT_USABLE'],
      idempotency: 'command',
    },
    ({ context, request, body, idempotency }) => requestApproval(context, request.actor, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/approvals',
      summary: 'Requests, by status (pending by default) and resident',
      tags,
      querystring: ApprovalListQuery,
      response: Type.Array(ListedApprovalSchema),
      problems: [],
    },
    async ({ context, request, query }) => {
      const allowed = authorize(request.actor, 'approval.request');
      return allowed.ok ? success(await listApprovals(context, { status: query.status ?? 'pending', residentId: query.residentId })) : allowed;
    },
  );
  for (const [verb, approve] of [['approve', true], ['refuse', false]] as const) {
    staffRoute(
      app,
      {
        method: 'POST',
        url: `/api/v1/approvals/:id/${verb}`,
        summary: approve ? 'Approve (a number change is then carried out)' : 'Refuse, saying why in the note (400 INPUT.INVALID without one)',
        tags,
        params: IdParams,
        body: ApprovalDecisionBody,
        response: ApprovalSchema,
        problems: ['APPROVAL.NOT_FOUND', 'APPROVAL.ALREADY_DECIDED', 'APPROVAL.SELF_APPROVAL', 'AUTH.OFFICE_NOT_ALLOWED', 'APPROVAL.NOT_USABLE', 'INPUT.INVALID'],
        idempotency: 'command',
      },
      ({ context, request, params, body, idempotency }) => decideApproval(context, request.actor, params.id, approve, body, idempotency),
    );
  }
}
