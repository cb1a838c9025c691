import { ulid } from 'ulid'

/** The callers every endpoint is tried as. `suspended` is a suspended supplier. */
export const callers = ['anonymous', 'buyer', 'supplier', 'admin', 'suspended'] as const
export type Caller = (typeof callers)[number]

export type MatrixRow = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** The OpenAPI path, e.g. `/api/admin/users/{id}/suspend`. */
  path: string
  /** Path parameters and body for a call; fresh per call so rows can run in any order. */
  params?: () => Record<string, string>
  query?: string
  body?: () => unknown
  expect: Record<Caller, number>
  /** The call ends the caller's session (sign-out): the harness signs in again afterwards. */
  endsSession?: true
}

const everyone = (status: number): Record<Caller, number> => ({
  anonymous: status,
  buyer: status,
  supplier: status,
  admin: status,
  suspended: status,
})
const signedIn = (status: number): Record<Caller, number> => ({ ...everyone(status), anonymous: 401 })
const adminOnly = (status: number): Record<Caller, number> => ({
  anonymous: 401,
  buyer: 403,
  supplier: 403,
  admin: status,
  suspended: 403,
})

/** An id that names nobody: admins get past authorization and then 404, everyone else stops before. */
const unknownId = () => ({ id: ulid() })
/** For supplier-only routes on an unknown listing: the supplier gets past authorization and then 404. */
const supplierOnly = (status: number): Record<Caller, number> => ({
  anonymous: 401,
  buyer: 403,
  supplier: status,
  admin: 403,
  suspended: 403,
})

const newListing = () => ({
  title: { zh: '测试羊毛' },
  description: { zh: '测试' },
  categoryId: 'wool',
  unit: 'kg',
  priceTiers: [{ minQty: 1, unitPriceFen: 1000 }],
  moq: 1,
  stock: 10,
  leadTimeDays: 3,
})

const newCertification = () => ({
  kind: 'green_factory',
  issuer: '测试机构',
  number: 'T-1',
  expiresOn: '2099-12-31',
  document: `photos/${ulid()}/${ulid()}.png`,
})

/**
 * Every endpoint with the status each caller gets. Later issues add their endpoints here; the
 * matrix test fails when /api/openapi.json lists a route that has no row.
 */
export const authorizationMatrix: MatrixRow[] = [
  { method: 'GET', path: '/api/health', expect: everyone(200) },
  { method: 'GET', path: '/api/openapi.json', expect: everyone(200) },
  { method: 'GET', path: '/api/categories', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/auth/register',
    body: () => ({ email: `m-${ulid()}@test.example`, password: '0123456789', name: 'M', role: 'buyer', company: { name: 'M' } }),
    expect: everyone(201),
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    body: () => ({ email: `nobody-${ulid()}@test.example`, password: 'wrong password' }),
    expect: everyone(401),
  },
  { method: 'POST', path: '/api/auth/logout', expect: everyone(204), endsSession: true },
  { method: 'GET', path: '/api/auth/session', expect: everyone(200) },
  { method: 'GET', path: '/api/me', expect: signedIn(200) },
  { method: 'GET', path: '/api/me/attention', expect: signedIn(200) },
  {
    method: 'POST',
    path: '/api/auth/password-reset',
    body: () => ({ email: `nobody-${ulid()}@test.example` }),
    expect: everyone(202),
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    body: () => ({ token: 'A'.repeat(43), password: '0123456789' }),
    expect: everyone(400),
  },
  {
    method: 'PUT',
    path: '/api/me/locale',
    body: () => ({ locale: 'bo' }),
    expect: { ...signedIn(204), suspended: 403 },
  },
  { method: 'GET', path: '/api/me/notification-preferences', expect: signedIn(200) },
  {
    method: 'PUT',
    path: '/api/me/notification-preferences',
    body: () => ({ emailKinds: ['order'] }),
    expect: { ...signedIn(200), suspended: 403 },
  },
  {
    method: 'POST',
    path: '/api/suppliers/me/verification',
    body: () => ({ licenseNumber: 'ABC123456', contactPhone: '13900000000' }),
    expect: { anonymous: 401, buyer: 403, supplier: 200, admin: 403, suspended: 403 },
  },
  // The matrix's supplier is not verified: its account goes with its verification request (409).
  {
    method: 'PUT',
    path: '/api/suppliers/me/bank-account',
    body: () => ({ holder: '拉萨测试有限公司', bank: '中国银行拉萨分行', number: '6216 6100 0001 2345' }),
    expect: { anonymous: 401, buyer: 403, supplier: 409, admin: 403, suspended: 403 },
  },
  { method: 'GET', path: '/api/admin/verifications', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/suppliers/{id}/bank-account',
    params: unknownId,
    body: () => ({ decision: 'approve' }),
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/admin/suppliers/{id}/verification',
    params: unknownId,
    body: () => ({ decision: 'approve' }),
    expect: adminOnly(404),
  },
  { method: 'GET', path: '/api/admin/users', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/users', query: 'q=lhasa', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/queues', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/users/{id}/suspend',
    params: unknownId,
    body: () => ({ reason: 'test' }),
    expect: adminOnly(404),
  },
  { method: 'POST', path: '/api/admin/users/{id}/reinstate', params: unknownId, body: () => ({}), expect: adminOnly(404) },
  { method: 'GET', path: '/api/admin/audit', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/metrics', query: 'from=2025-01-01&to=2025-03-31', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/metrics/targets', expect: adminOnly(200) },
  { method: 'PUT', path: '/api/admin/metrics/targets', body: () => ({ year: 2031, growthPercent: 18 }), expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/metrics/index-materials', expect: adminOnly(200) },
  {
    method: 'PUT',
    path: '/api/admin/metrics/index-materials',
    body: () => ({ categoryIds: ['wool', 'yak-down', 'cashmere', 'pulu', 'brocade', 'silk'] }),
    expect: adminOnly(200),
  },
  { method: 'GET', path: '/api/market/price-index', query: 'weeks=8', expect: everyone(200) },
  { method: 'GET', path: '/api/listings', expect: everyone(200) },
  { method: 'GET', path: '/api/listings/{id}', params: unknownId, expect: everyone(404) },
  { method: 'POST', path: '/api/listings', body: newListing, expect: supplierOnly(201) },
  {
    method: 'PATCH',
    path: '/api/listings/{id}',
    params: unknownId,
    body: () => ({ version: 1, stock: 5 }),
    expect: supplierOnly(404),
  },
  { method: 'POST', path: '/api/listings/{id}/submit', params: unknownId, expect: supplierOnly(404) },
  { method: 'POST', path: '/api/listings/{id}/archive', params: unknownId, expect: supplierOnly(404) },
  // A suspended supplier may still read its own listings.
  { method: 'GET', path: '/api/suppliers/me/listings', expect: { ...supplierOnly(200), suspended: 200 } },
  {
    method: 'POST',
    path: '/api/uploads',
    body: () => ({ contentType: 'image/png', size: 1000 }),
    // Administrators upload certificates' photos when they add a certification.
    expect: { ...supplierOnly(201), buyer: 201, admin: 201 },
  },
  {
    method: 'POST',
    path: '/api/suppliers/me/listing-imports/uploads',
    body: () => ({ format: 'csv', size: 1000 }),
    expect: supplierOnly(201),
  },
  {
    method: 'POST',
    path: '/api/suppliers/me/listing-imports',
    // Someone else's key: the supplier gets past authorization, and is refused the file.
    body: () => ({ key: `listing-imports/${ulid()}/${ulid()}.csv` }),
    expect: supplierOnly(400),
  },
  { method: 'GET', path: '/api/suppliers/me/listing-imports/template', expect: { ...supplierOnly(200), suspended: 200 } },
  { method: 'GET', path: '/api/suppliers/me/listing-imports/export', expect: { ...supplierOnly(200), suspended: 200 } },
  {
    method: 'GET',
    path: '/api/suppliers/me/listing-imports/{id}',
    params: unknownId,
    expect: { ...supplierOnly(404), suspended: 404 },
  },
  { method: 'GET', path: '/api/notifications', expect: signedIn(200) },
  { method: 'POST', path: '/api/notifications/read', body: () => ({ all: true }), expect: { ...signedIn(204), suspended: 403 } },
  { method: 'GET', path: '/api/threads', expect: signedIn(200) },
  // Threads on what does not exist, or is someone else's, are not found; a suspended user writes nothing.
  {
    method: 'POST',
    path: '/api/threads',
    body: () => ({ subject: { kind: 'order', id: ulid() }, text: 'test' }),
    expect: { ...signedIn(404), suspended: 403 },
  },
  { method: 'GET', path: '/api/threads/{id}/messages', params: unknownId, expect: signedIn(404) },
  {
    method: 'POST',
    path: '/api/threads/{id}/messages',
    params: unknownId,
    body: () => ({ text: 'test' }),
    expect: { ...signedIn(404), suspended: 403 },
  },
  {
    method: 'DELETE',
    path: '/api/threads/{id}/messages/{messageId}',
    params: () => ({ id: ulid(), messageId: ulid() }),
    expect: { ...signedIn(404), suspended: 403 },
  },
  {
    method: 'POST',
    path: '/api/admin/categories',
    body: () => ({ id: `test-${ulid().toLowerCase()}`, group: 'trim', name: { zh: '测试' }, sortOrder: 999 }),
    expect: adminOnly(201),
  },
  {
    method: 'PATCH',
    path: '/api/admin/categories/{id}',
    params: () => ({ id: 'no-such-category' }),
    body: () => ({ sortOrder: 1 }),
    expect: adminOnly(404),
  },
  { method: 'GET', path: '/api/admin/categories', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/categories/{id}/retire',
    params: () => ({ id: 'no-such-category' }),
    body: () => ({ reason: 'test' }),
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/admin/categories/{id}/restore',
    params: () => ({ id: 'no-such-category' }),
    expect: adminOnly(404),
  },
  { method: 'GET', path: '/api/admin/listings', expect: adminOnly(200) },
  { method: 'POST', path: '/api/admin/listings/{id}/approve', params: unknownId, expect: adminOnly(404) },
  {
    method: 'POST',
    path: '/api/admin/listings/{id}/reject',
    params: unknownId,
    body: () => ({ reason: 'test' }),
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/admin/listings/{id}/suspend',
    params: unknownId,
    body: () => ({ reason: 'test' }),
    expect: adminOnly(404),
  },
  { method: 'POST', path: '/api/admin/listings/{id}/reinstate', params: unknownId, expect: adminOnly(404) },
  { method: 'GET', path: '/api/admin/listings/reported', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/listings/{id}/reports/dismiss',
    params: unknownId,
    body: () => ({ reason: 'test' }),
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/orders',
    body: () => ({ listingId: ulid(), quantity: 1, delivery: { method: 'pickup' } }),
    expect: { anonymous: 401, buyer: 404, supplier: 403, admin: 403, suspended: 403 },
  },
  { method: 'GET', path: '/api/orders', query: 'role=buyer', expect: signedIn(200) },
  { method: 'GET', path: '/api/orders/export.csv', query: 'role=supplier', expect: signedIn(200) },
  {
    method: 'GET',
    path: '/api/orders/sample-credit',
    query: `listingId=${ulid()}`,
    expect: { anonymous: 401, buyer: 200, supplier: 403, admin: 403, suspended: 403 },
  },
  { method: 'GET', path: '/api/orders/{id}', params: unknownId, expect: signedIn(404) },
  // Without Stripe keys (as here) card payment is refused before the order is even looked up.
  {
    method: 'POST',
    path: '/api/orders/{id}/checkout',
    params: unknownId,
    expect: { anonymous: 401, buyer: 422, supplier: 403, admin: 403, suspended: 403 },
  },
  ...(
    [
      ['transfer', { reference: 'ICBC 1', paidAt: '2026-11-27' }],
      ['confirm-payment', undefined],
      ['ship', { carrier: '顺丰', trackingNumber: 'SF1' }],
      ['receive', undefined],
      ['cancel', {}],
      ['decline-transfer', { reason: 'test' }],
      ['dispute', { reason: 'other', details: 'test' }],
    ] as const
  ).map(
    ([step, body]): MatrixRow => ({
      method: 'POST',
      path: `/api/orders/{id}/${step}`,
      params: unknownId,
      ...(body ? { body: () => body } : {}),
      expect: { ...signedIn(404), suspended: 403 },
    }),
  ),
  { method: 'GET', path: '/api/admin/orders', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/orders/{id}/resolve',
    params: unknownId,
    body: () => ({ outcome: 'release', note: 'test' }),
    expect: adminOnly(404),
  },
  ...['confirm-transfer', 'cancel', 'acknowledge'].map(
    (action): MatrixRow => ({
      method: 'POST',
      path: `/api/admin/orders/{id}/${action}`,
      params: unknownId,
      body: () => ({ note: 'test' }),
      expect: adminOnly(404),
    }),
  ),
  {
    method: 'POST',
    path: '/api/rfqs',
    body: () => ({
      title: '测试询价',
      categoryId: 'wool',
      specs: '测试',
      quantity: 10,
      unit: 'kg',
      neededBy: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      bidDeadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    }),
    expect: { anonymous: 401, buyer: 201, supplier: 403, admin: 403, suspended: 403 },
  },
  { method: 'GET', path: '/api/rfqs/mine', expect: { anonymous: 401, buyer: 200, supplier: 403, admin: 403, suspended: 403 } },
  // The matrix's supplier is not verified: the feed is for verified suppliers only.
  { method: 'GET', path: '/api/rfqs/feed', expect: { anonymous: 401, buyer: 403, supplier: 403, admin: 403, suspended: 403 } },
  { method: 'GET', path: '/api/rfqs/{id}', params: unknownId, expect: signedIn(404) },
  {
    method: 'POST',
    path: '/api/rfqs/{id}/cancel',
    params: unknownId,
    body: () => ({ reason: 'test' }),
    expect: { anonymous: 401, buyer: 404, supplier: 403, admin: 403, suspended: 403 },
  },
  {
    method: 'POST',
    path: '/api/rfqs/{id}/bids',
    params: unknownId,
    body: () => ({ unitPriceFen: 100, quantity: 1, leadTimeDays: 1, validUntil: '2030-01-01' }),
    expect: supplierOnly(404),
  },
  { method: 'POST', path: '/api/rfqs/{id}/bids/mine/withdraw', params: unknownId, expect: supplierOnly(404) },
  {
    method: 'GET',
    path: '/api/rfqs/{id}/bids',
    params: unknownId,
    expect: { anonymous: 401, buyer: 404, supplier: 403, admin: 403, suspended: 403 },
  },
  {
    method: 'POST',
    path: '/api/rfqs/{id}/award',
    params: unknownId,
    body: () => ({ awards: [{ bidId: ulid(), quantity: 1 }] }),
    expect: { anonymous: 401, buyer: 404, supplier: 403, admin: 403, suspended: 403 },
  },
  { method: 'GET', path: '/api/bids/mine', expect: { ...supplierOnly(200), suspended: 200 } },
  {
    method: 'POST',
    path: '/api/orders/{id}/rating',
    params: unknownId,
    body: () => ({ quality: 5, onTime: 5, accuracy: 5, communication: 5 }),
    expect: { ...signedIn(404), suspended: 403 },
  },
  { method: 'GET', path: '/api/ratings/{id}', params: unknownId, expect: everyone(404) },
  ...(
    [
      ['PATCH', '/api/ratings/{id}', { version: 1, quality: 4 }],
      ['POST', '/api/ratings/{id}/reply', { text: '谢谢惠顾' }],
      ['POST', '/api/ratings/{id}/report', { reason: 'test' }],
      ['POST', '/api/listings/{id}/report', { reason: 'test' }],
    ] as const
  ).map(
    ([method, path, body]): MatrixRow => ({
      method,
      path,
      params: unknownId,
      body: () => body,
      expect: { ...signedIn(404), suspended: 403 },
    }),
  ),
  { method: 'GET', path: '/api/suppliers', query: 'q=x', expect: signedIn(200) },
  { method: 'GET', path: '/api/suppliers/{id}', params: unknownId, expect: everyone(404) },
  { method: 'GET', path: '/api/suppliers/{id}/ratings', params: unknownId, expect: everyone(404) },
  // A suspended supplier may still read its own reviews.
  { method: 'GET', path: '/api/suppliers/me/ratings', expect: { ...supplierOnly(200), suspended: 200 } },
  { method: 'GET', path: '/api/admin/ratings', expect: adminOnly(200) },
  ...['hide', 'restore'].map(
    (action): MatrixRow => ({
      method: 'POST',
      path: `/api/admin/ratings/{id}/${action}`,
      params: unknownId,
      body: () => ({ reason: 'test' }),
      expect: adminOnly(404),
    }),
  ),
  // A certificate photo nobody uploaded: the supplier gets past authorization and then 400.
  {
    method: 'POST',
    path: '/api/suppliers/me/certifications',
    body: () => newCertification(),
    expect: supplierOnly(400),
  },
  { method: 'GET', path: '/api/suppliers/me/certifications', expect: { ...supplierOnly(200), suspended: 200 } },
  { method: 'GET', path: '/api/admin/certifications', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/certifications/{id}/decision',
    params: unknownId,
    body: () => ({ decision: 'approve' }),
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/admin/certifications/{id}/revoke',
    params: unknownId,
    body: () => ({ reason: 'test' }),
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/admin/suppliers/{id}/certifications',
    params: unknownId,
    body: () => newCertification(),
    expect: adminOnly(404),
  },
  // Stripe is not set up here; with it, an unsigned call is a 400 (see the orders tests).
  { method: 'POST', path: '/api/webhooks/stripe', body: () => ({}), expect: everyone(422) },
]

export const fillPath = (path: string, params: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`No value for {${name}} in ${path}`)
    return encodeURIComponent(value)
  })
