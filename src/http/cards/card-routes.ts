import type { FastifyInstance } from 'fastify';
import { addFrontNote } from '../../app/cards/add-front-note.ts';
import { cardHistory } from '../../app/cards/card-history.ts';
import { continueCard } from '../../app/cards/continue-card.ts';
import { extendCard } from '../../app/cards/extend-card.ts';
import { getCard } from '../../app/cards/get-card.ts';
import { issueCard } from '../../app/cards/issue-card.ts';
import { issueCertificate } from '../../app/cards/issue-certificate.ts';
import { manufactureCard } from '../../app/cards/manufacture-card.ts';
import { reissueCard } from '../../app/cards/reissue-card.ts';
import { resetPin } from '../../app/cards/reset-pin.ts';
import { resumeCard } from '../../app/cards/resume-card.ts';
import { returnCard } from '../../app/cards/return-card.ts';
import { suspendCard } from '../../app/cards/suspend-card.ts';
import { verifyPin } from '../../app/cards/verify-pin.ts';
import {
  CardHistorySchema,
  CardViewSchema,
  CertificateBody,
  CertificateParams,
  ContinuationBody,
  ExtensionBody,
  FrontNoteBody,
  IssueBody,
  ManufactureBody,
  PinCheckSchema,
  PinParams,
  PinResetBody,
  PinVerifyBody,
  ReissueAnswerSchema,
  ReissueBody,
  ResumeBody,
  ReturnBody,
  SuspendBody,
} from './card-schemas.ts';
import type { ErrorCode } from '../problem.ts';
import { IdParams, staffRoute } from '../staff-route.ts';

const tags = ['cards'];
const COMMAND: ErrorCode[] = ['CARD.NOT_FOUND', 'CARD.INVALID_TRANSITION', 'CARD.VERSION_CONFLICT', 'RESIDENT.DECEASED', 'INPUT.INVALID', 'IDEMPOTENCY.KEY_REUSED'];
const PROXY: ErrorCode[] = ['APPROVAL.NOT_FOUND', 'APPROVAL.NOT_USABLE'];
/** the 法定代理人 of a holder under 15 or an adult ward is missing, or a voluntary proxy came for them. */
const REPRESENTED: ErrorCode[] = ['REPRESENTATIVE.REQUIRED', 'PROXY.NOT_ALLOWED_FOR_REPRESENTED'];

/** docs/api.md "Cards": every procedure of a card, each a command with its problems. */
export async function cardRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(
    app,
    { method: 'GET', url: '/api/v1/cards/:id', summary: 'Status, dates, notes, certificates, PIN lock states (never PINs), version', tags, params: IdParams, response: CardViewSchema, problems: ['CARD.NOT_FOUND'] },
    ({ context, request, params }) => getCard(context, request.actor, params.id),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/cards/:id/history',
      summary: "The card's events, oldest first",
      tags,
      params: IdParams,
      response: CardHistorySchema,
      problems: ['CARD.NOT_FOUND'],
    },
    ({ context, request, params }) => cardHistory(context, request.actor, params.id),
  );
  staffRoute(
    app,
    { method: 'POST', url: '/api/v1/cards/:id/manufacture', summary: 'The card has been made: 発行日 and expiry (R-3) set; ready', tags, params: IdParams, body: ManufactureBody, response: CardViewSchema, problems: [...COMMAND], idempotency: 'command' },
    ({ context, request, params, body, idempotency }) => manufactureCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/issue',
      summary: '交付 at the counter the card waits at: PINs set, certificates (R-4), 通知カード taken back; active',
      tags,
      params: IdParams,
      body: IssueBody,
      response: CardViewSchema,
      problems: [...COMMAND, ...PROXY, ...REPRESENTED, 'IDENTITY.INSUFFICIENT', 'PIN.INVALID_FORMAT', 'AUTH.OFFICE_NOT_ALLOWED', 'CARD.EXPIRED'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => issueCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    { method: 'POST', url: '/api/v1/cards/:id/suspend', summary: '一時停止 of a lost or stolen card, by the hotline or a counter', tags, params: IdParams, body: SuspendBody, response: CardViewSchema, problems: [...COMMAND], idempotency: 'command' },
    ({ context, request, params, body, idempotency }) => suspendCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/resume',
      summary: '一時停止解除, only at a counter (the hotline gets AUTH.COUNTER_ONLY)',
      tags,
      params: IdParams,
      body: ResumeBody,
      response: CardViewSchema,
      problems: [...COMMAND, ...PROXY, 'AUTH.COUNTER_ONLY', 'IDENTITY.INSUFFICIENT'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => resumeCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/pins/:kind/verify',
      summary: 'Check a PIN on the chip: wrong entries count, and lock it at 3 or 5 (R-12)',
      tags,
      params: PinParams,
      body: PinVerifyBody,
      response: PinCheckSchema,
      problems: ['CARD.NOT_FOUND', 'CARD.INVALID_TRANSITION', 'PIN.LOCKED', 'PIN.MISMATCH', 'AUTH.COUNTER_ONLY'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => verifyPin(context, request.actor, params.id, params.kind, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/pins/:kind/reset',
      summary: 'Set a forgotten or locked PIN anew, at a counter with identity documents',
      tags,
      params: PinParams,
      body: PinResetBody,
      response: CardViewSchema,
      problems: [...COMMAND, ...PROXY, ...REPRESENTED, 'IDENTITY.INSUFFICIENT', 'PIN.INVALID_FORMAT', 'AUTH.COUNTER_ONLY'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => resetPin(context, request.actor, params.id, params.kind, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/certificates/:kind',
      summary: '電子証明書の発行・更新 (R-14, R-15): a valid certificate renewed inside its window, one none, revoked or expired issued anew; PIN set on the chip; free; counter only',
      tags,
      params: CertificateParams,
      body: CertificateBody,
      response: CardViewSchema,
      problems: [
        ...COMMAND,
        ...PROXY,
        'AUTH.COUNTER_ONLY',
        'IDENTITY.INSUFFICIENT',
        'PIN.INVALID_FORMAT',
        'CERTIFICATE.RENEWAL_WINDOW_NOT_OPEN',
        'CERTIFICATE.SIGNATURE_UNDER_15',
        'CERTIFICATE.SIGNATURE_NOT_ALLOWED',
        'CERTIFICATE.CARD_RENEWAL_NEEDED',
        'CARD.EXPIRED',
        'REPRESENTATIVE.REQUIRED',
        'PROXY.NOT_ALLOWED_FOR_REPRESENTED',
      ],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => issueCertificate(context, request.actor, params.id, params.kind, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/front-notes',
      summary: '券面記載事項変更: a dated note, with the 住基 PIN; a full field needs a free new card',
      tags,
      params: IdParams,
      body: FrontNoteBody,
      response: CardViewSchema,
      problems: [...COMMAND, ...PROXY, ...REPRESENTED, 'CARD.NOTES_FULL', 'PIN.MISMATCH', 'PIN.LOCKED'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => addFrontNote(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/continuation',
      summary: '継続利用 after a move in, by the holder or a household member, with the 住基 PIN (R-8)',
      tags,
      params: IdParams,
      body: ContinuationBody,
      response: CardViewSchema,
      problems: [...COMMAND, ...PROXY, ...REPRESENTED, 'CARD.CONTINUATION_LAPSED', 'CARD.NO_CONTINUATION_PENDING', 'PIN.MISMATCH', 'PIN.LOCKED'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => continueCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/extension',
      summary: "A foreign resident's card extended with the period of stay (R-5); no photo",
      tags,
      params: IdParams,
      body: ExtensionBody,
      response: CardViewSchema,
      problems: [...COMMAND, ...PROXY, 'CARD.EXPIRED', 'CARD.NOTHING_TO_EXTEND', 'CARD.NOT_EXTENDABLE'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => extendCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/cards/:id/reissue',
      summary: '再交付 within validity: fee (R-10) with a receipt number, a new card applied for; the old card kept until its hand-over, or abolished when lost or stolen (R-16)',
      tags,
      params: IdParams,
      body: ReissueBody,
      response: ReissueAnswerSchema,
      problems: [...COMMAND, ...PROXY, ...REPRESENTED, 'RESIDENT.CARD_ALREADY_HELD', 'REISSUE.POLICE_REPORT_REQUIRED', 'RENEWAL.WINDOW_NOT_OPEN', 'APPLICATION.PHOTO_TOO_OLD', 'IDENTITY.INSUFFICIENT', 'CERTIFICATE.SIGNATURE_UNDER_15'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => reissueCard(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    { method: 'POST', url: '/api/v1/cards/:id/return', summary: '返納 of a card no longer needed, expired, replaced, on moving abroad, or after the holder’s death', tags, params: IdParams, body: ReturnBody, response: CardViewSchema, problems: [...COMMAND, ...PROXY], idempotency: 'command' },
    ({ context, request, params, body, idempotency }) => returnCard(context, request.actor, params.id, body, idempotency),
  );
}
