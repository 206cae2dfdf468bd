import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { applyForCard } from '../../app/cards/apply-for-card.ts';
import { registerArrival } from '../../app/residents/register-arrival.ts';
import { changeAddress } from '../../app/residents/change-address.ts';
import { changeName } from '../../app/residents/change-name.ts';
import { changeNumber } from '../../app/residents/change-number.ts';
import { getResident } from '../../app/residents/get-resident.ts';
import { moveIn } from '../../app/residents/move-in.ts';
import { moveOut } from '../../app/residents/move-out.ts';
import { listEnquiries } from '../../app/residents/list-enquiries.ts';
import { recordDeath } from '../../app/residents/record-death.ts';
import { recordEnquiry } from '../../app/residents/record-enquiry.ts';
import { registerResident } from '../../app/residents/register-resident.ts';
import { residentProcedures } from '../../app/residents/resident-procedures.ts';
import { revealNumber } from '../../app/residents/reveal-number.ts';
import { searchResidents } from '../../app/residents/search-residents.ts';
import { updatePeriodOfStay } from '../../app/residents/update-period-of-stay.ts';
import { changeGuardianship } from '../../app/residents/change-guardianship.ts';
import { CardViewSchema } from '../cards/card-schemas.ts';
import {
  AddressChangeBody,
  ApplicationBody,
  ArrivalBody,
  DeathBody,
  EnquirySchema,
  GuardianshipBody,
  MoveInBody,
  MoveOutBody,
  NameChangeBody,
  NumberChangeAnswerSchema,
  NumberChangeBody,
  PeriodOfStayBody,
  ProcedureSchema,
  ProxyEnquiryBody,
  RegisterResidentBody,
  ResidentDetailSchema,
  ResidentViewSchema,
  ResidentWithCardsSchema,
  RevealAnswerSchema,
  RevealBody,
  SearchQuery,
  SearchResultSchema,
} from './resident-schemas.ts';
import { IdParams, staffRoute } from '../staff-route.ts';

const tags = ['residents'];
const WRITE_PROBLEMS = ['RESIDENT.NOT_FOUND', 'RESIDENT.INVALID_TRANSITION', 'RESIDENT.DECEASED', 'RESIDENT.VERSION_CONFLICT', 'INPUT.INVALID', 'IDEMPOTENCY.KEY_REUSED'] as const;
/** An approved proxy that cannot be found or used for this procedure. */
const PROXY_PROBLEMS = ['APPROVAL.NOT_FOUND', 'APPROVAL.NOT_USABLE'] as const;

/** docs/api.md "Residents": registration, search, the record, the logged reveal, and every change of a resident. */
export async function residentRoutes(app: FastifyInstance): Promise<void> {
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents',
      summary: 'Register a resident (number masked in the answer)',
      tags,
      body: RegisterResidentBody,
      response: ResidentViewSchema,
      status: 201,
      problems: ['RESIDENT.INVALID_INDIVIDUAL_NUMBER', 'RESIDENT.DUPLICATE', 'INPUT.INVALID', 'IDEMPOTENCY.KEY_REUSED'],
      idempotency: 'command',
    },
    ({ context, request, body, idempotency }) => registerResident(context, request.actor, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/residents',
      summary: 'Search by name (kanji or kana, partial), birth date, address or phone; numbers masked',
      tags,
      querystring: SearchQuery,
      response: SearchResultSchema,
      problems: ['INPUT.INVALID'],
    },
    ({ context, request, query }) => searchResidents(context, request.actor, query),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/residents/:id',
      summary: 'One resident with their cards and household',
      tags,
      params: IdParams,
      response: ResidentDetailSchema,
      problems: ['RESIDENT.NOT_FOUND'],
    },
    ({ context, request, params }) => getResident(context, request.actor, params.id),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/residents/:id/procedures',
      summary: 'Every act recorded for the resident, oldest first',
      tags,
      params: IdParams,
      response: Type.Array(ProcedureSchema),
      problems: ['RESIDENT.NOT_FOUND'],
    },
    ({ context, request, params }) => residentProcedures(context, request.actor, params.id),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/individual-number/reveal',
      summary: 'The individual number in clear, for a stated purpose; logged in the audit trail',
      tags,
      params: IdParams,
      body: RevealBody,
      response: RevealAnswerSchema,
      problems: ['RESIDENT.NOT_FOUND'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => revealNumber(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/address-change',
      summary: 'In-city move (転居); the signature certificate is revoked',
      tags,
      params: IdParams,
      body: AddressChangeBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS, ...PROXY_PROBLEMS],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => changeAddress(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/name-change',
      summary: 'Change of name; the signature certificate is revoked',
      tags,
      params: IdParams,
      body: NameChangeBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS, ...PROXY_PROBLEMS],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => changeName(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/move-out',
      summary: '転出届; abroad, the card works until the planned move-out date and is then abolished by the sweep, unless kept for use abroad (国外継続利用, R-17); leaving before continuation abolishes it',
      tags,
      params: IdParams,
      body: MoveOutBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS, ...PROXY_PROBLEMS, 'CARD.ABROAD_CONTINUATION_NOT_ALLOWED', 'CARD.NOTES_FULL'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => moveOut(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/death',
      summary: '死亡届 (or 職権消除) recorded: the resident deceased, the card abolished (reason death) with its certificates, as of the date of death',
      tags,
      params: IdParams,
      body: DeathBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => recordDeath(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/move-in',
      summary: '転入届 of a resident moving back in; the card then needs continuation within 90 days (R-8)',
      tags,
      params: IdParams,
      body: MoveInBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS, ...PROXY_PROBLEMS, 'CALENDAR.OUT_OF_RANGE'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => moveIn(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/arrivals',
      summary: 'A person moving in from elsewhere, with the card they hold taken over with its own dates',
      tags,
      body: ArrivalBody,
      response: ResidentWithCardsSchema,
      status: 201,
      problems: ['RESIDENT.INVALID_INDIVIDUAL_NUMBER', 'RESIDENT.DUPLICATE', 'INPUT.INVALID', 'PIN.INVALID_FORMAT', 'CALENDAR.OUT_OF_RANGE', 'IDEMPOTENCY.KEY_REUSED'],
      idempotency: 'command',
    },
    ({ context, request, body, idempotency }) => registerArrival(context, request.actor, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/period-of-stay',
      summary: 'A renewed or changed period of stay (the card is extended separately, R-5)',
      tags,
      params: IdParams,
      body: PeriodOfStayBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => updatePeriodOfStay(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/guardianship',
      summary: '成年後見 begun or ended (R-18): an adult ward is represented by the guardian and holds no signature certificate (a valid one is revoked)',
      tags,
      params: IdParams,
      body: GuardianshipBody,
      response: ResidentWithCardsSchema,
      problems: [...WRITE_PROBLEMS],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => changeGuardianship(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/individual-number-change',
      summary: 'A new individual number (supervisor); the card is abolished and a free new card applied for',
      tags,
      params: IdParams,
      body: NumberChangeBody,
      response: NumberChangeAnswerSchema,
      problems: [...WRITE_PROBLEMS, ...PROXY_PROBLEMS],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => changeNumber(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/residents/:id/proxy-enquiries',
      summary: "The resident's recorded proxy enquiries, the latest first (at most 50), to pick the one a proxy approval follows",
      tags,
      params: IdParams,
      response: Type.Array(EnquirySchema),
      problems: ['RESIDENT.NOT_FOUND'],
    },
    ({ context, request, params }) => listEnquiries(context, request.actor, params.id),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/proxy-enquiries',
      summary: "A proxy's prior enquiry, needed before a proxy approval",
      tags,
      params: IdParams,
      body: ProxyEnquiryBody,
      response: EnquirySchema,
      status: 201,
      problems: ['RESIDENT.NOT_FOUND'],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => recordEnquiry(context, request.actor, params.id, body, idempotency),
  );
  staffRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/residents/:id/card-applications',
      summary: '交付申請: a new card, applied; photo taken within 6 months',
      tags: ['cards'],
      params: IdParams,
      body: ApplicationBody,
      response: CardViewSchema,
      status: 201,
      problems: [
        'RESIDENT.NOT_FOUND',
        'RESIDENT.CARD_ALREADY_HELD',
        'RESIDENT.INVALID_TRANSITION',
        'APPLICATION.PHOTO_TOO_OLD',
        'CERTIFICATE.SIGNATURE_UNDER_15',
        'OFFICE.UNKNOWN',
        'APPROVAL.NOT_FOUND',
        'APPROVAL.NOT_USABLE',
        'REPRESENTATIVE.REQUIRED',
        'PROXY.NOT_ALLOWED_FOR_REPRESENTED',
        'INPUT.INVALID',
        'IDEMPOTENCY.KEY_REUSED',
      ],
      idempotency: 'command',
    },
    ({ context, request, params, body, idempotency }) => applyForCard(context, request.actor, params.id, body, idempotency),
  );
}
