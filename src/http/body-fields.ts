import { Type, type TProperties, type TSchema } from 'typebox';
import { RESIDENT_TEXT_MAX } from '../rules/resident-formats.ts';
import { IdentityDocumentsSchema } from '../rules/identity-documents.ts';
import { PROXY_PROCEDURES, takesProxy, type CommandName, type TakesProxy } from '../app/proxy-procedures.ts';

/**
 * Small builders the request bodies of the HTTP contract (docs/api.md) share. The bodies live
 * beside their routes (src/http/<resource>/<resource>-schemas.ts); each use case takes a plain
 * input type of src/app, and agreement.ts holds each body to it.
 */

/** A body: a closed object, so that a misspelt field is a 400 REQUEST.INVALID, not ignored. */
export function Body<P extends TProperties>(properties: P, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description && { description }) });
}

/** A value of the schema, or null (an answer's field that may be empty). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Text that must not be empty, up to `maxLength`. */
export const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description && { description }) });
/** A reading (フリガナ); that it is kana only, the resident decider checks (domain/resident-decider.ts). */
export const KanaText = (description: string) => Type.String({ minLength: 1, maxLength: RESIDENT_TEXT_MAX.familyNameKana, description });

const ProxyField = Type.Optional(
  Type.String({ format: 'uuid', description: 'An approved proxy request (代理人) naming this procedure: the proxy acts for the holder' }),
);

type ProxyProperties<C extends CommandName> = TakesProxy<C> extends true ? { proxyApprovalId: typeof ProxyField } : Record<never, never>;

/**
 * `proxyApprovalId` for a command whose R-13 row lets a proxy come, nothing for one whose row does
 * not (app/proxy-procedures.ts): the same table decides the body's field and the use case's input
 * (app/command-input.ts ProxyInput), and agreement.ts checks that the two have it alike.
 */
export function proxyFor<C extends CommandName>(command: C): ProxyProperties<C> {
  return (takesProxy(command) ? { proxyApprovalId: ProxyField } : {}) as ProxyProperties<C>;
}

/** A 法定代理人 acting for a holder under 15 or an adult ward (R-18, docs/api.md "Legal representatives"). */
export const LegalRepresentativeField = Type.Optional(
  Type.Object(
    {
      name: Text(100),
      relationship: Type.Enum(['parent', 'guardian'], { description: 'parent: 親権者; guardian: 後見人 (of a minor or an adult ward)' }),
      identityDocuments: IdentityDocumentsSchema,
      authorityDocument: Text(100, 'e.g. 戸籍謄本, 登記事項証明書'),
    },
    { additionalProperties: false, description: 'Required for a holder under 15 on the day or an adult ward (R-18; 422 REPRESENTATIVE.REQUIRED); refused for anyone else' },
  ),
);

/** The procedures a proxy may be approved for, by their names in the table. */
export const ProxyProcedureSchema = Type.Enum(PROXY_PROCEDURES, {
  description: 'The R-13 procedure the proxy comes for; an approval is used by the command that carries it out',
});

export const ExpectedVersionField = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The version the client last saw; a mismatch is 409 CARD.VERSION_CONFLICT' }),
);
