import { MarkReadInput, NotificationsResponse } from '@market/contracts'
import { Notifications } from '@market/core'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('notifications')

/** The ports this group's routes use: its Lambda builds only these. */
export type NotificationsDeps = GroupDeps<keyof AuthDeps | 'notifications'>

export const createNotificationsApp = (deps: NotificationsDeps) => {
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
