import type { RequestBody } from '../api/types';
import type { useI18n } from './i18n';
import { MESSAGES, type MessageKey } from './messages';

/**
 * The procedures a proxy may be approved for: the API's closed list (POST /approvals), which the
 * server works out from the R-13 table (who may come) and its commands.
 */
export type ProxyProcedure = Extract<RequestBody<'/api/v1/approvals', 'post'>, { kind: 'proxy' }>['procedure'];

const PREFIX = 'proxyProcedure.';
type LabelKey = `${typeof PREFIX}${ProxyProcedure}`;
type Labelled = Extract<MessageKey, `${typeof PREFIX}${string}`>;

/**
 * The build fails unless the labels are exactly the API's list: a procedure without a label, or a
 * label of a procedure the API no longer takes, shows up here as the offending key (after
 * `npm run api:types` brings the API's list).
 */
const _labelsAreTheApiList: [Exclude<LabelKey, MessageKey>, Exclude<Labelled, LabelKey>] extends [never, never] ? true : [Exclude<LabelKey, MessageKey>, Exclude<Labelled, LabelKey>] = true;

/** The procedures a clerk may choose for a proxy, in the order of the labels (the R-13 table's). */
export const PROXY_PROCEDURES: readonly ProxyProcedure[] = (Object.keys(MESSAGES) as MessageKey[])
  .filter((key): key is LabelKey => key.startsWith(PREFIX))
  .map((key) => key.slice(PREFIX.length) as ProxyProcedure);

export function isProxyProcedure(value: string | null | undefined): value is ProxyProcedure {
  return (PROXY_PROCEDURES as readonly (string | null | undefined)[]).includes(value);
}

/** A procedure an approval names, in the user's language; one recorded under an older name shows as itself. */
export function proxyProcedureLabel(t: ReturnType<typeof useI18n>['t'], procedure: string | null): string {
  return isProxyProcedure(procedure) ? t(`${PREFIX}${procedure}`) : (procedure ?? '—');
}
