import { useState } from 'hono/jsx/dom'
import { ReasonForm } from '../../components/reason-form.tsx'
import { useI18n } from '../../i18n/i18n.ts'
import type { MessageKey } from '../../i18n/zh-CN.ts'
import { MinorAction, OpenButton } from './action-box.tsx'

/** What a step taken with a few words says: the button that opens it, the field's label, the submit. */
export type NoteLabels = { open: MessageKey; note: MessageKey; submit: MessageKey }

/** A step that needs a few words (why, or how it was checked): a button that opens a one-line form. */
export const NoteAction = ({
  id,
  labels,
  busy,
  onConfirm,
}: {
  id: string
  labels: NoteLabels
  busy: boolean
  onConfirm: (note: string) => void
}) => {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <MinorAction id={id}>
      {open ? (
        <ReasonForm
          id={`${id}-note`}
          label={t(labels.note)}
          confirm={t(labels.submit)}
          busy={busy}
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <OpenButton label={t(labels.open)} busy={busy} onOpen={() => setOpen(true)} />
      )}
    </MinorAction>
  )
}
