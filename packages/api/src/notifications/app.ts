import { MarkReadInput, NotificationsResponse } from '@market/contracts'
import { Notifications } from '@market/core'
import type { ApiDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('notifications')

export const createNotificationsApp = (deps: ApiDeps) => {
  const { requireUser } = createAuth(deps)
  return createGroupApp(deps)
    .get(
      '/api/notifications',
      doc('The signed-in user’s notifications, newest first, with the unread count (one Query)', {
        200: ['Notifications', NotificationsResponse],
      }),
      requireUser,
      async (c) => c.json(await Notifications.listNotifications(deps, c.var.actor.id), 200),
    )
    .post(
      '/api/notifications/read',
      doc('Mark notifications read: some by id, or all', { 204: ['Marked', null] }),
      requireUser,
      validate('json', MarkReadInput),
      async (c) => {
        await Notifications.markRead(deps, c.var.actor.id, c.req.valid('json'))
        return c.body(null, 204)
      },
    )
}

export type NotificationsApp = ReturnType<typeof createNotificationsApp>
