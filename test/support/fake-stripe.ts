import { createServer, type Server } from 'node:http'
import { createStripeGateway } from '@market/payments'
import Stripe from 'stripe'

export type StripeCall = { method: string; path: string; form: URLSearchParams; idempotencyKey: string | undefined }

export const webhookSecret = 'whsec_test_secret'

/**
 * Stripe's API for tests: a loopback server the real `stripe` client is pointed at (host, port,
 * protocol), answering what the market asks (Checkout Sessions, refunds) and recording each call.
 */
export const startFakeStripe = async () => {
  const calls: StripeCall[] = []
  let sessions = 0
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      const form = new URLSearchParams(body)
      const path = request.url ?? ''
      calls.push({
        method: request.method ?? '',
        path,
        form,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      })
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${calls.length}` })
        response.end(JSON.stringify(json))
      }
      if (request.method === 'POST' && path === '/v1/checkout/sessions') {
        sessions += 1
        const id = `cs_test_${sessions}`
        return send(200, {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.com/c/pay/${id}`,
          currency: form.get('currency'),
          metadata: { orderId: form.get('metadata[orderId]') },
          payment_status: 'unpaid',
        })
      }
      if (request.method === 'POST' && path === '/v1/refunds') {
        return send(200, {
          id: `re_test_${calls.length}`,
          object: 'refund',
          amount: Number(form.get('amount')),
          status: 'succeeded',
        })
      }
      send(404, { error: { type: 'invalid_request_error', message: `No fake for ${request.method} ${path}` } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const stripe = new Stripe('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false })
  return {
    calls,
    stripe,
    gateway: createStripeGateway(stripe, webhookSecret),
    /** A webhook request as Stripe would send it: the event JSON and its signature header. */
    signedEvent: (event: { id: string; type: string; data: { object: Record<string, unknown> } }, secret = webhookSecret) => {
      const payload = JSON.stringify({
        object: 'event',
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        ...event,
      })
      return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret }) }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
