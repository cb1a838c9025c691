import type { Orders } from '@market/core'
import type { Context } from 'hono'
import type { ApiDeps } from '../deps.ts'
import { requestHost } from '../middleware/request.ts'

/** The order rules' ports, with Stripe resolved (its keys are read once, at the first need). */
export const orderDeps = async (deps: ApiDeps): Promise<Orders.OrderDeps> => ({ ...deps, payments: await deps.payments() })

/** Where the browser reached us (https behind CloudFront): Stripe sends the buyer back here after paying. */
export const publicOrigin = (c: Context) => {
  const url = new URL(c.req.url)
  const protocol =
    c.req.header('X-Forwarded-Proto') ?? (c.req.header('X-Forwarded-Host') ? 'https' : url.protocol.replace(':', ''))
  return `${protocol}://${requestHost(c)}`
}
