import type { Orders } from '@market/core'
import type { ApiDeps } from '../deps.ts'

/** The order rules' ports, with Stripe resolved (its keys are read once, at the first need). */
export const orderDeps = async (deps: ApiDeps): Promise<Orders.OrderDeps> => ({ ...deps, payments: await deps.payments() })
