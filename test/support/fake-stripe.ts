import { createServer, type Server } from 'node:http'
import { createStripeGateway } from '@market/payments'
import Stripe from 'stripe'

export type StripeCall = { method: string; path: string; form: URLSearchParams; idempotencyKey: string | undefined }

export const webhookSecret = 'whsec_test_secret'

type FakeSession = {
  id: string
  object: 'checkout.session'
  url: string
  status: 'open' | 'expired' | 'complete'
  payment_status: 'unpaid' | 'paid'
  amount_total: number
  currency: string | null
  expires_at: number
  metadata: { orderId: string | null }
  payment_intent: string | null
}

/**
 * Stripe's API for tests: a loopback server the real `stripe` client is pointed at (host, port,
 * protocol), answering what the market asks (Checkout Sessions, their expiry, refunds) and
 * recording each call. Sessions keep their state as Stripe does: only an open one can be
 * expired, and `pay` completes one as a buyer would. `failNext` makes the next calls to a path
 * fail as a Stripe outage does (500).
 */
export const startFakeStripe = async () => {
  const calls: StripeCall[] = []
  const sessions = new Map<string, FakeSession>()
  const failures: { path: RegExp; remaining: number }[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      const form = new URLSearchParams(body)
      const path = request.url ?? ''
      const method = request.method ?? ''
      calls.push({ method, path, form, idempotencyKey: request.headers['idempotency-key'] as string | undefined })
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${calls.length}` })
        response.end(JSON.stringify(json))
      }
      const invalid = (message: string, status = 400) => send(status, { error: { type: 'invalid_request_error', message } })
      const failure = failures.find((entry) => entry.remaining > 0 && entry.path.test(path))
      if (failure) {
        failure.remaining -= 1
        return send(500, { error: { type: 'api_error', message: 'Stripe is having a bad day' } })
      }
      if (method === 'POST' && path === '/v1/checkout/sessions') {
        const id = `cs_test_${sessions.size + 1}`
        let amount = 0
        for (let line = 0; form.has(`line_items[${line}][price_data][unit_amount]`); line++) {
          amount +=
            Number(form.get(`line_items[${line}][price_data][unit_amount]`)) * Number(form.get(`line_items[${line}][quantity]`))
        }
        const session: FakeSession = {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.com/c/pay/${id}`,
          status: 'open',
          payment_status: 'unpaid',
          amount_total: amount,
          currency: form.get('currency'),
          expires_at: Number(form.get('expires_at')),
          metadata: { orderId: form.get('metadata[orderId]') },
          payment_intent: null,
        }
        sessions.set(id, session)
        return send(200, session)
      }
      const sessionPath = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/)
      if (sessionPath) {
        const session = sessions.get(sessionPath[1] as string)
        if (!session) return invalid('No such checkout.session', 404)
        if (method === 'GET') return send(200, session)
        if (session.status !== 'open') return invalid('Only Checkout Sessions with a status of open can be expired.')
        session.status = 'expired'
        return send(200, session)
      }
      if (method === 'POST' && path === '/v1/refunds') {
        return send(200, {
          id: `re_test_${calls.length}`,
          object: 'refund',
          amount: Number(form.get('amount')),
          payment_intent: form.get('payment_intent'),
          status: 'succeeded',
        })
      }
      invalid(`No fake for ${method} ${path}`, 404)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const stripe = new Stripe('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false })

  /** A webhook request as Stripe would send it: the event JSON and its signature header. */
  const signedEvent = (
    event: { id: string; type: string; data: { object: Record<string, unknown> } },
    secret = webhookSecret,
  ) => {
    const payload = JSON.stringify({
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      ...event,
    })
    return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret }) }
  }

  return {
    calls,
    stripe,
    gateway: createStripeGateway(stripe, webhookSecret),
    signedEvent,
    /** The session as Stripe holds it now. */
    session: (id: string) => sessions.get(id),
    /**
     * The buyer pays the session (it must still be open, as at Stripe): the completion event
     * Stripe then sends, with `changes` to the session object (another amount, currency…).
     */
    pay: (id: string, changes: Partial<FakeSession> = {}) => {
      const session = sessions.get(id)
      if (session?.status !== 'open') throw new Error(`session ${id} is ${session?.status ?? 'unknown'}, not open`)
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: `pi_for_${id}` })
      return {
        id: `evt_completed_${id}`,
        type: 'checkout.session.completed',
        data: { object: { ...session, ...changes } as Record<string, unknown> },
      }
    },
    /** The next `times` calls to a path matching `path` fail with a 500, as in a Stripe outage. */
    failNext: (path: RegExp, times = 1) => {
      failures.push({ path, remaining: times })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
