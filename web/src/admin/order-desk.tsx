import { useState } from 'hono/jsx/dom'
import { Announcement } from '../components/announcement.tsx'
import { useI18n } from '../i18n/i18n.ts'
import { queuesChanged } from './console-layout.tsx'
import { DisputeQueue } from './dispute-queue.tsx'
import { FlaggedOrders } from './flagged-orders.tsx'

/**
 * The orders that need an administrator: bank transfers left unconfirmed, payment anomalies, and
 * disputes. A decision on one refreshes all three lists.
 */
export const OrderDesk = () => {
  const { t } = useI18n()
  const [changes, setChanges] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const changed = (message: string) => {
    setAnnouncement(message)
    setChanges((n) => n + 1)
    queuesChanged()
  }
  return (
    <>
      <h1>{t('adminOrders.title')}</h1>
      <p class="lead">{t('adminOrders.intro')}</p>
      <Announcement message={announcement} />
      <FlaggedOrders kind="transfer_overdue" changes={changes} onChanged={changed} />
      <FlaggedOrders kind="payment_anomaly" changes={changes} onChanged={changed} />
      <DisputeQueue changes={changes} onChanged={changed} />
    </>
  )
}
