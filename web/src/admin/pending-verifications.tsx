import type { BankAccount, PendingVerification } from '@market/contracts'
import { useState } from 'hono/jsx/dom'
import { api, photoUrl } from '../api/client.ts'
import { useResource } from '../api/use-resource.ts'
import { useRowAction } from '../api/use-row-action.ts'
import { ReasonForm } from '../components/reason-form.tsx'
import { RowDetail } from '../components/row-detail.tsx'
import { StackedTable } from '../components/stacked-table.tsx'
import { EmptyState, ResourceView } from '../components/states.tsx'
import { fill, formatDateTime, useI18n } from '../i18n/i18n.ts'
import { UserCell } from './user-cell.tsx'

/** An account to check against the licence: holder, bank and number, and the collection QR code if there is one. */
const AccountLines = ({ account }: { account: BankAccount }) => (
  <>
    {account.holder}
    <br />
    {account.bank}
    <br />
    <code>{account.number}</code>
    {account.collectionQr && (
      <>
        <br />
        <img src={photoUrl(account.collectionQr)} alt="" width={96} height={96} />
      </>
    )}
  </>
)

/**
 * Suppliers asking to be verified (their licence, stall and bank account) and verified suppliers
 * changing their bank account: approved at once or rejected with a reason.
 */
export const PendingVerifications = ({ changes, onChanged }: { changes: number; onChanged: (message: string) => void }) => {
  const { t, locale } = useI18n()
  const pending = useResource(async () => (await api.admin.api.admin.verifications.$get()).json(), [changes])
  const [rejecting, setRejecting] = useState<string | null>(null)
  const { busy, failure, run } = useRowAction()

  const decide = (item: PendingVerification, decision: 'approve' | 'reject', reason?: string) =>
    run(item.supplier.id, async () => {
      const request = { param: { id: item.supplier.id }, json: reason ? { decision, reason } : { decision } }
      // A verified supplier's new bank account is decided on its own: the supplier stays verified either way.
      if (item.kind === 'bank_account_change') await api.admin.api.admin.suppliers[':id']['bank-account'].$post(request)
      else await api.admin.api.admin.suppliers[':id'].verification.$post(request)
      setRejecting(null)
      onChanged(fill(t(decision === 'approve' ? 'admin.approved' : 'admin.rejected'), { name: item.supplier.name }))
    })

  const columns = [
    t('admin.supplier'),
    t('verification.licenseNumber'),
    t('verification.stall'),
    t('verification.contactPhone'),
    t('admin.verifications.bankAccount'),
    t('verification.submittedAt'),
    t('admin.actions'),
  ]
  return (
    <section class="section" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('admin.pending.title')}</h2>
      <ResourceView resource={pending}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState>{t('admin.pending.empty')}</EmptyState>
          ) : (
            <StackedTable columns={columns}>
              {items.map((item) => {
                const id = item.supplier.id
                const failed = failure?.id === id ? failure.error : undefined
                return (
                  <>
                    <tr data-supplier={item.supplier.email}>
                      <td data-label={columns[0]}>
                        <UserCell user={item.supplier} />
                      </td>
                      <td data-label={columns[1]}>
                        <code>{item.licenseNumber}</code>
                      </td>
                      <td data-label={columns[2]}>{item.stall ?? '—'}</td>
                      <td data-label={columns[3]}>{item.contactPhone}</td>
                      <td data-label={columns[4]} data-bank-account>
                        <p>
                          <strong>{t(`admin.verifications.kind.${item.kind}`)}</strong>
                        </p>
                        {item.bankAccount ? <AccountLines account={item.bankAccount} /> : '—'}
                        {item.kind === 'bank_account_change' && item.currentBankAccount && (
                          <details>
                            <summary>{t('admin.verifications.currentBankAccount')}</summary>
                            <AccountLines account={item.currentBankAccount} />
                          </details>
                        )}
                      </td>
                      <td data-label={columns[5]}>{formatDateTime(locale, item.submittedAt)}</td>
                      <td data-label={columns[6]}>
                        <div class="button-row">
                          <button
                            type="button"
                            class="button button--primary button--small"
                            disabled={busy === id}
                            onClick={() => decide(item, 'approve')}
                          >
                            {t('admin.approve')}
                          </button>
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            aria-expanded={rejecting === id ? 'true' : 'false'}
                            disabled={busy === id}
                            onClick={() => setRejecting(rejecting === id ? null : id)}
                          >
                            {t('admin.reject')}
                          </button>
                        </div>
                      </td>
                    </tr>
                    {(rejecting === id || failed !== undefined) && (
                      <RowDetail colSpan={columns.length} failure={failed}>
                        {rejecting === id && (
                          <ReasonForm
                            id={`reject-${id}`}
                            label={t('admin.rejectReason')}
                            confirm={t('admin.confirmReject')}
                            busy={busy === id}
                            onConfirm={(reason) => decide(item, 'reject', reason)}
                            onCancel={() => setRejecting(null)}
                          />
                        )}
                      </RowDetail>
                    )}
                  </>
                )
              })}
            </StackedTable>
          )
        }
      </ResourceView>
    </section>
  )
}
