import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'
import type { AppEnv } from '../app-env.ts'
import { countDynamoCalls } from './dynamo-call-counter.ts'

export type LogLine = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string }
export type Logger = (line: LogLine) => void

/** One JSON line per request: what was asked, how it ended, how long it took, what it cost. */
export const requestLog = (log: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now()
    const { counter, result } = countDynamoCalls(() => next())
    await result
    // The route of the handler that answered. Not the last matching one: GET /api/rfqs/mine also
    // matches /api/rfqs/:id, declared after it, whose handlers never run.
    const route = routePath(c)
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId: c.var.requestId,
      method: c.req.method,
      route: route === '/*' ? null : route,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      dynamoCalls: counter.calls,
      dynamoItemsRead: counter.itemsRead,
    })
  })
