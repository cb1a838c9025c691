import { useState } from 'hono/jsx/dom'
import { useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import { useSession } from '../session/session.ts'
import { describeError, FormError } from './form.tsx'
import { ReasonForm } from './reason-form.tsx'

/**
 * "Report" with its reason form, for anything a signed-in user may report to the administrators
 * (a review, a listing); a visitor is asked to sign in first.
 */
export const ReportBox = ({
  id,
  reasonLabel,
  send,
}: {
  id: string
  reasonLabel: MessageKey
  send: (reason: string) => Promise<unknown>
}) => {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  if (!me) {
    return (
      <a class="review__report" href={`/signin?next=${encodeURIComponent(location.pathname)}`}>
        {t('review.report.signIn')}
      </a>
    )
  }
  const report = async (reason: string) => {
    setBusy(true)
    setFailure(null)
    try {
      await send(reason)
      setDone(true)
      setOpen(false)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="review__report-box" data-report-box>
      <p class="announcement" role="status">
        {done ? t('review.report.done') : ''}
      </p>
      {failure !== null && <FormError>{describeError(locale, failure)}</FormError>}
      {open ? (
        <ReasonForm
          id={id}
          label={t(reasonLabel)}
          confirm={t('review.report.submit')}
          busy={busy}
          onConfirm={report}
          onCancel={() => setOpen(false)}
        />
      ) : (
        !done && (
          <button type="button" class="link-button review__report" onClick={() => setOpen(true)}>
            {t('review.report')}
          </button>
        )
      )}
    </div>
  )
}
