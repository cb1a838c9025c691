import type { OrderStep } from '@market/contracts'
import { api } from '../../api/client.ts'
import type { OrderView } from '../../api/types.ts'
import type { MessageKey } from '../../i18n/zh-CN.ts'
import { NoteAction, type NoteLabels } from './note-action.tsx'

const adminOrder = api.admin.api.admin.orders[':id']

/** An administrator's steps on a flagged order, each taken with a note: what it posts, and its words. */
const adminSteps = {
  confirm_overdue: {
    post: (id: string, note: string) => adminOrder['confirm-transfer'].$post({ param: { id }, json: { note } }),
    labels: { open: 'action.confirmOverdue.open', note: 'action.confirmOverdue.note', submit: 'action.confirmOverdue.submit' },
    done: 'action.confirmOverdue.done',
  },
  cancel_overdue: {
    post: (id: string, note: string) => adminOrder.cancel.$post({ param: { id }, json: { note } }),
    labels: { open: 'action.cancelOverdue.open', note: 'action.cancelOverdue.note', submit: 'action.cancelOverdue.submit' },
    done: 'action.cancelOverdue.done',
  },
  acknowledge: {
    post: (id: string, note: string) => adminOrder.acknowledge.$post({ param: { id }, json: { note } }),
    labels: { open: 'action.acknowledge.open', note: 'action.acknowledge.note', submit: 'action.acknowledge.submit' },
    done: 'action.acknowledge.done',
  },
} satisfies Partial<Record<OrderStep, { labels: NoteLabels; done: MessageKey; post: unknown }>>

export type AdminStep = keyof typeof adminSteps

/** An administrator's step on an order: the call that takes it (answering with the order after it), and what to say then. */
export const adminStep = (step: AdminStep, id: string, note: string) => ({
  call: async () => (await adminSteps[step].post(id, note)).json(),
  done: adminSteps[step].done,
})

/** The administrator's steps the API lists for the order now, in the table's order. */
export const AdminStepActions = ({
  order,
  busy,
  onTake,
}: {
  order: Pick<OrderView, 'actions'>
  busy: boolean
  onTake: (step: AdminStep, note: string) => void
}) => (
  <>
    {(Object.keys(adminSteps) as AdminStep[])
      .filter((step) => order.actions.includes(step))
      .map((step) => (
        <NoteAction id={step} labels={adminSteps[step].labels} busy={busy} onConfirm={(note) => onTake(step, note)} />
      ))}
  </>
)
