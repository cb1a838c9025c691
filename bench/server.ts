/**
 * The market as `npm start` serves it (functions/local/server.ts), run by `npm run bench` in a
 * process of its own so the load generator does not share its event loop. Its request log goes
 * to stdout, which the bench reads for each request's DynamoDB calls and items read. One route is
 * added here only: GET /api/bench/noop, the framework's ceiling — the API's middleware (request
 * id, request log, same-origin check, error envelope) and no database.
 *
 * Settings from the environment: PORT, DYNAMODB_ENDPOINT, TABLE_NAME, WEB_DIR, DATA_DIR.
 */
import { serve } from '@hono/node-server'
import { createGroupApp } from '@market/api/group-app'
import { createLocalMarket } from '../functions/local/server.ts'

const env = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

const port = Number(env('PORT'))
const url = `http://127.0.0.1:${port}`
const market = createLocalMarket({
  url,
  webDir: env('WEB_DIR'),
  config: {
    tableName: env('TABLE_NAME'),
    dynamodb: {
      endpoint: env('DYNAMODB_ENDPOINT'),
      region: 'cn-local-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    secrets: { sessionSecret: 'bench-session-secret-0123456789abcdef0123456789' },
    cookieSecure: false,
    logLevel: 'info',
    objectsDir: `${env('DATA_DIR')}/objects`,
    photoBucketKey: 'bench-photo-bucket-key',
  },
})
const noop = createGroupApp({ log: (line) => process.stdout.write(`${JSON.stringify(line)}\n`) }).get('/api/bench/noop', (c) =>
  c.json({ ok: true }),
)
const fetch = (request: Request) =>
  new URL(request.url).pathname === '/api/bench/noop' ? noop.fetch(request) : market.fetch(request)
serve({ fetch, port, hostname: '127.0.0.1' }, () => process.stdout.write(`listening ${url}\n`))
// The bench stops it with SIGTERM: leaving through exit lets `--cpu-prof` write its profile.
process.once('SIGTERM', () => process.exit(0))
