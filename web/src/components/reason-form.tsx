import { maxReasonLength } from '@market/contracts/values'
import { useState } from 'hono/jsx/dom'
import { useI18n } from '../i18n/i18n.ts'

/** An inline "why?" form, for the decisions that must give a reason (reject, suspend). */
export const ReasonForm = ({
  id,
  label,
  confirm,
  busy,
  onConfirm,
  onCancel,
}: {
  id: string
  label: string
  confirm: string
  busy: boolean
  onConfirm: (reason: string) => void
  onCancel: () => void
}) => {
  const { t } = useI18n()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const submit = (event: Event) => {
    event.preventDefault()
    if (!reason.trim()) {
      setMissing(true)
      document.getElementById(id)?.focus()
      return
    }
    onConfirm(reason.trim())
  }
  return (
    <form class="reason-form" noValidate onSubmit={submit}>
      <div class="field">
        <label class="field__label" for={id}>
          {label}
        </label>
        <input
          id={id}
          class="input"
          value={reason}
          required
          maxLength={maxReasonLength}
          aria-invalid={missing ? 'true' : undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onInput={(event: Event) => {
            setReason((event.target as HTMLInputElement).value)
            setMissing(false)
          }}
        />
        {missing && (
          <p class="field__error" id={`${id}-error`}>
            {t('admin.reason.invalid')}
          </p>
        )}
      </div>
      <div class="button-row">
        <button type="submit" class="button button--danger" disabled={busy}>
          {confirm}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  )
}
