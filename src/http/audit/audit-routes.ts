import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { authorize } from '../../app/actor.ts';
import { AUDIT_ACTIONS } from '../../app/audit-action.ts';
import { ANCHOR_REASONS } from '../../app/audit-checkpoints.ts';
import { listAuditEntries } from '../../app/audit-listing.ts';
import { verifyAudit } from '../../app/audit-trail.ts';
import { success } from '../../domain/errors.ts';
import { staffRoute } from '../staff-route.ts';

const AuditEntrySchema = Type.Object({
  chain: Type.Integer({ description: 'The audit chain of the entry; a subject’s entries share one' }),
  seq: Type.Integer({ description: 'The place of the entry in its chain' }),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  officeId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Enum(['ok', 'refused']),
  code: Type.Union([Type.String(), Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
  prevHash: Type.String(),
  hash: Type.String(),
  position: Type.Integer({ description: 'The place of the entry in the order entries were written; the `cursor` of the next page is the last one’s' }),
  actorName: Type.Union([Type.String(), Type.Null()], { description: 'The staff member who acted, by name; null for the system' }),
  resident: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), kana: Type.String() }), Type.Null()], {
    description: 'The resident the entry is about: its subject, or the holder of the card or approval it names',
  }),
  subjectStaffName: Type.Union([Type.String(), Type.Null()], { description: 'The staff account a staff.* entry is about, by name' }),
});
const tags = ['audit'];

/** The audit trail for auditors, and its chain check. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit',
      summary:
        'Audit entries in the order they were written (never by their time, which a clock step can move back), oldest or newest first, a page at a time, filtered by time, actor, subject or action; with the names of the staff and residents they are about',
      tags,
      querystring: Type.Object(
        {
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          actor: Type.Optional(Type.String({ maxLength: 100 })),
          subject: Type.Optional(Type.String({ maxLength: 100 })),
          action: Type.Optional(Type.Enum(AUDIT_ACTIONS)),
          order: Type.Optional(Type.Enum(['oldest', 'newest'], { default: 'oldest' })),
          cursor: Type.Optional(Type.Integer({ minimum: 0, description: 'The `position` of the last entry of the page before' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        },
        { additionalProperties: false },
      ),
      response: Type.Array(AuditEntrySchema),
      problems: [],
    },
    async ({ context, request, query }) =>
      listAuditEntries(context, request.actor, {
        ...(query.from !== undefined && { from: new Date(query.from).toISOString() }),
        ...(query.to !== undefined && { to: new Date(query.to).toISOString() }),
        ...(query.actor !== undefined && { actorId: query.actor }),
        ...(query.subject !== undefined && { subjectId: query.subject }),
        ...(query.action !== undefined && { action: query.action }),
        ...(query.cursor !== undefined && { cursor: query.cursor }),
        newestFirst: query.order === 'newest',
        limit: query.limit ?? 100,
      }),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/audit/verify',
      summary: 'Check the chain: every entry present, in order and unaltered, and none removed since the last checkpoint',
      tags,
      response: Type.Object({
        ok: Type.Boolean(),
        entries: Type.Integer({ description: 'Entries found intact' }),
        firstBrokenSeq: Type.Optional(Type.Integer({ description: 'The first entry whose link is broken or that is missing, in brokenChain' })),
        brokenChain: Type.Optional(Type.Integer()),
        reason: Type.Optional(
          Type.Enum(ANCHOR_REASONS, {
            description:
              'Why the trail failed: an entry altered, removed or moved (entry-broken); fewer entries than the last checkpoint recorded, or another entry where it recorded one; the checkpoint files themselves altered, cut or unreadable',
          }),
        ),
        detail: Type.Optional(Type.String({ description: 'The problem in one sentence' })),
        checkpoint: Type.Union([Type.Object({ n: Type.Integer(), at: Type.String() }), Type.Null()], {
          description: 'The last checkpoint of the trail (kept outside the database) it was checked against; null before the first',
        }),
      }),
      problems: [],
    },
    async ({ context, request }) => {
      const allowed = authorize(request.actor, 'audit.read');
      return allowed.ok ? success(await verifyAudit(context.store, context.keys)) : allowed;
    },
  );
}
