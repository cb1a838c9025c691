import { useState } from 'hono/jsx/dom'
import { api } from '../api/client.ts'
import type { OrderView } from '../api/types.ts'
import { useResource } from '../api/use-resource.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'

export const orderRoute = api.orders.api.orders[':id']

export const fetchOrder = async (id: string) => (await orderRoute.$get({ param: { id } })).json()

/** A step the reader takes: a call that answers with the order as it now is, and what to say once it is done. */
export type Step = (call: () => Promise<OrderView>, done: MessageKey) => Promise<boolean>

/** What every action on an order is given. */
export type ActionProps = { order: OrderView; step: Step; busy: boolean }

/**
 * One order, as loaded or as a step last answered with (the newer replaces the older), and a way to
 * read it again without leaving the page, so what the page says (an error, a confirmation) stays in view.
 */
export const useOrder = (id: string) => {
  const [latest, setLatest] = useState<OrderView | null>(null)
  const loaded = useResource(() => fetchOrder(id), [id])
  const order =
    loaded.state === 'ready' && latest?.id === id && latest.version >= loaded.data.version ? { ...loaded, data: latest } : loaded
  const reload = () => fetchOrder(id).then(setLatest, () => {})
  return { order, setLatest, reload }
}
