import type { Context } from 'hono'

/**
 * The host the browser addressed. Behind CloudFront it arrives as X-Forwarded-Host (a CloudFront
 * Function sets it), since API Gateway needs its own name in Host.
 */
export const requestHost = (c: Context) => c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? new URL(c.req.url).host

/** Where the browser reached us (https behind CloudFront): Stripe sends the buyer back here after paying. */
export const publicOrigin = (c: Context) => {
  const url = new URL(c.req.url)
  const protocol =
    c.req.header('X-Forwarded-Proto') ?? (c.req.header('X-Forwarded-Host') ? 'https' : url.protocol.replace(':', ''))
  return `${protocol}://${requestHost(c)}`
}
