import type { Child } from 'hono/jsx'
import { useI18n } from '../../i18n/i18n.ts'
import './actions.css'

/** One step the reader may take now, in its own box. */
export const ActionBox = ({ id, title, children }: { id: string; title: string; children: Child }) => (
  <section class="order-action" aria-labelledby={`${id}-title`} data-action={id}>
    <h3 id={`${id}-title`} class="order-action__title">
      {title}
    </h3>
    {children}
  </section>
)

/** A step that waits behind a button (a correction, a cancellation, a dispute) until the reader opens it. */
export const MinorAction = ({ id, children }: { id: string; children: Child }) => (
  <div class="order-action order-action--minor" data-action={id}>
    {children}
  </div>
)

export const OpenButton = ({ label, busy, onOpen }: { label: string; busy: boolean; onOpen: () => void }) => (
  <button type="button" class="button button--secondary" aria-expanded="false" disabled={busy} onClick={onOpen}>
    {label}
  </button>
)

/** A step form's submit button, which says so while a step runs. */
export const StepSubmit = ({ busy, label }: { busy: boolean; label: string }) => {
  const { t } = useI18n()
  return (
    <div class="form__actions">
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? t('action.busy') : label}
      </button>
    </div>
  )
}
