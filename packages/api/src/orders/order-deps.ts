import { type Accounts, Orders } from '@market/core'
import type { ApiDeps } from '../deps.ts'

/** What the order rules are built from: Stripe still unresolved. */
export type OrderPorts = Pick<ApiDeps, 'orders' | 'payments' | 'clock' | 'ids'>

/** The order rules' ports, with Stripe resolved (its keys are read once, at the first need). */
export const orderDeps = async (deps: OrderPorts): Promise<Orders.OrderDeps> => ({ ...deps, payments: await deps.payments() })

/**
 * An order rule taken by one party, on the order rules' ports, answering with the order as that
 * party sees it now (the steps it may take next).
 */
export const asOrderView =
  <I extends unknown[]>(
    take: (ports: Orders.OrderDeps, actor: Accounts.StoredUser, ...input: I) => Promise<Orders.StoredOrder>,
  ) =>
  async (deps: OrderPorts, actor: Accounts.StoredUser, ...input: I) => {
    const ports = await orderDeps(deps)
    return Orders.toView(ports, await take(ports, actor, ...input), actor)
  }
