import type { AccountStatus, BidStatus, ListingStatus, OrderStatus, RfqStatus, VerificationStatus } from '@market/contracts'
import type { Child } from 'hono/jsx'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import './status-badge.css'

/** The colours a badge may take; each is one `.badge--tone-*` rule over the design tokens. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'brand'

type Statuses = {
  account: AccountStatus
  verification: VerificationStatus
  listing: ListingStatus
  order: OrderStatus
  rfq: RfqStatus
  bid: BidStatus
}
type Kind = keyof Statuses

/**
 * Every status of every kind and the tone its badge takes: waiting on someone is a warning, under
 * way is info, done well is success, refused or stopped is danger, finished without effect is neutral.
 */
export const statusTones: { [K in Kind]: Record<Statuses[K], Tone> } = {
  account: { active: 'success', suspended: 'danger' },
  verification: { unverified: 'neutral', pending: 'warning', verified: 'success', rejected: 'danger' },
  listing: {
    draft: 'neutral',
    pending_review: 'warning',
    active: 'success',
    suspended: 'danger',
    rejected: 'danger',
    archived: 'neutral',
  },
  order: {
    pending_payment: 'warning',
    paid: 'info',
    shipped: 'info',
    delivered: 'success',
    completed: 'success',
    cancelled: 'neutral',
    disputed: 'danger',
    resolved: 'neutral',
  },
  rfq: { open: 'info', closed: 'warning', awarded: 'success', cancelled: 'neutral', expired: 'neutral' },
  bid: { submitted: 'info', revised: 'info', withdrawn: 'neutral', accepted: 'success', rejected: 'neutral' },
}

/** How each kind is worded and marked in the page (the data attribute is what tests and styles find it by). */
const kinds: { [K in Kind]: { attribute: string; label: (status: Statuses[K]) => MessageKey } } = {
  account: { attribute: 'data-status', label: (status) => `status.${status}` },
  verification: { attribute: 'data-verification', label: (status) => `verification.${status}` },
  listing: { attribute: 'data-listing-status', label: (status) => `listingStatus.${status}` },
  order: { attribute: 'data-order-status', label: (status) => `orderStatus.${status}` },
  rfq: { attribute: 'data-rfq-status', label: (status) => `rfqStatus.${status}` },
  bid: { attribute: 'data-bid-status', label: (status) => `bidStatus.${status}` },
}

/** A word in a pill; the colour only repeats what the word says. */
export const Badge = ({
  tone,
  children,
  ...data
}: { tone: Tone; children: Child } & Record<`data-${string}`, string | boolean>) => (
  <span class={`badge badge--tone-${tone}`} {...data}>
    {children}
  </span>
)

/** A status, always written out as text, in the tone of its kind. */
export const StatusBadge = <K extends Kind>({ kind, status }: { kind: K; status: Statuses[K] }) => {
  const { t } = useI18n()
  const tones: Record<Statuses[K], Tone> = statusTones[kind]
  const { attribute, label } = kinds[kind]
  return (
    <Badge tone={tones[status]} {...{ [attribute]: status }}>
      {t(label(status))}
    </Badge>
  )
}
