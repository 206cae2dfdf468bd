import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** A date as ISO and 和暦 with its weekday. */
export function DateText({ value }: { value: string | null | undefined }) {
  const { date } = useI18n();
  return value ? <time dateTime={value}>{date(value)}</time> : <>—</>;
}

const STATUS_ICON: Record<string, string> = {
  applied: '○',
  ready: '◎',
  active: '●',
  suspended: '■',
  expired: '×',
  abolished: '×',
  returned: '↩',
  valid: '●',
  revoked: '×',
  held: '■',
  none: '—',
  pending: '…',
  approved: '✓',
  refused: '×',
  used: '✓',
  running: '…',
  done: '✓',
  failed: '×',
  interrupted: '!',
  'awaiting-setup': '…',
  disabled: '×',
};

/** A status in words with a shape, never by colour alone. */
export function StatusTag({ status, kind = 'card' }: { status: string; kind?: 'card' | 'certificate' | 'approval' | 'sweep' | 'staff' }) {
  const { t } = useI18n();
  return (
    <span className={`tag tag--${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status] ?? '•'} </span>
      {t(`${kind}Status.${status}` as MessageKey)}
    </span>
  );
}

export function SummaryList({ rows }: { rows: readonly (readonly [ReactNode, ReactNode])[] }) {
  return (
    <dl className="summary">
      {rows.map(([term, value], index) => (
        <div className="summary__row" key={index}>
          <dt className="summary__key">{term}</dt>
          <dd className="summary__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Notice({ children, tone = 'info', title }: { children: ReactNode; tone?: 'info' | 'warning' | 'success'; title?: string }) {
  const { t } = useI18n();
  const label = title ?? t(tone === 'warning' ? 'notice.warning' : tone === 'success' ? 'notice.success' : 'notice.info');
  return (
    <div className={`notice notice--${tone}`} role={tone === 'success' ? 'status' : undefined}>
      <p className="notice__title">
        <span aria-hidden="true">{tone === 'warning' ? '⚠ ' : tone === 'success' ? '✓ ' : 'ℹ '}</span>
        {label}
      </p>
      <div className="notice__body">{children}</div>
    </div>
  );
}

/**
 * A wide table that scrolls sideways on a narrow screen. The region can take the keyboard focus
 * and has a name, so that someone who cannot use a mouse can scroll it with the arrow keys
 * (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
