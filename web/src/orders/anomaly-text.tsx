import type { PaymentAnomaly } from '@market/contracts'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { formatFen } from '../listings/money.ts'

/** What Stripe reported, as money: yuan when it was yuan, else the amount in its own currency. */
const amountOf = ({ amountFen, currency }: PaymentAnomaly) => {
  if (amountFen === undefined) return '—'
  return !currency || currency === 'cny' ? formatFen(amountFen) : `${(amountFen / 100).toFixed(2)} ${currency.toUpperCase()}`
}

/** A payment anomaly recorded on an order: how much, when, and the refund made at once, if one was. */
export const AnomalyText = ({ anomaly }: { anomaly: PaymentAnomaly }) => {
  const { t, locale } = useI18n()
  return (
    <span data-anomaly={anomaly.kind}>
      {fill(t('order.anomaly'), { amount: amountOf(anomaly), at: formatDateTime(locale, anomaly.at) })}
      {anomaly.refund && ` · ${fill(t('order.anomaly.refund'), { amount: formatFen(anomaly.refund.amountFen) })}`}
    </span>
  )
}
