import type { SupplierRfq } from '@market/contracts'
import { api } from '../api/client.ts'
import { describeError, FormError, TextField } from '../components/form.tsx'
import { unfilled, useForm } from '../components/use-form.ts'
import { useI18n } from '../i18n/i18n.ts'
import './rfqs.css'

/** The buyer withdraws its request, saying why (the suppliers who bid are told). */
export const CancelRfq = ({ rfq, onCancelled }: { rfq: SupplierRfq; onCancelled: () => void }) => {
  const { t, locale } = useI18n()
  const form = useForm({ reason: '' })
  const reason = form.values.reason.trim()
  const submit = form.submit({
    check: () => unfilled({ reason: Boolean(reason) }, 'rfq.cancel.reason.invalid'),
    send: async () => {
      await api.rfqs.api.rfqs[':id'].cancel.$post({ param: { id: rfq.id }, json: { reason } })
      onCancelled()
    },
  })
  return (
    <details class="section rfq-cancel">
      <summary>{t('rfq.cancel')}</summary>
      <form class="reason-form" onSubmit={submit} ref={form.formRef} noValidate>
        <p class="field__hint">{t('rfq.cancel.hint')}</p>
        {form.failure !== null && <FormError>{describeError(locale, form.failure)}</FormError>}
        <TextField
          id="rfq-cancel-reason"
          label={t('rfq.cancel.reason')}
          value={form.values.reason}
          onInput={form.set('reason')}
          error={form.errorFor('reason')}
          required
          multiline
        />
        <div>
          <button type="submit" class="button button--danger" disabled={form.submitting}>
            {t('rfq.cancel.submit')}
          </button>
        </div>
      </form>
    </details>
  )
}
