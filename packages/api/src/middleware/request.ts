import type { Context } from 'hono'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Reads change nothing: suspended accounts may make them, and they need no cross-site check. */
export const isSafeMethod = (method: string) => safeMethods.has(method)

/**
 * The host the browser addressed. Behind CloudFront it arrives as X-Forwarded-Host (a CloudFront
 * Function sets it), since API Gateway needs its own name in Host.
 */
export const requestHost = (c: Context) => c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? new URL(c.req.url).host
