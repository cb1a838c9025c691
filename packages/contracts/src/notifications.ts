import * as z from 'zod'

/** A notification names what happened and its parameters; the web words it in the reader's language. */
export const Notification = z.object({
  id: z.string(),
  type: z.string(),
  params: z.record(z.string(), z.string()),
  read: z.boolean(),
  createdAt: z.string(),
})
export type Notification = z.infer<typeof Notification>

export const NotificationsResponse = z.object({ items: z.array(Notification), unread: z.number().int() })
export type NotificationsResponse = z.infer<typeof NotificationsResponse>

export const MarkReadInput = z.union([
  z.strictObject({
    ids: z
      .array(z.string().regex(/^[0-9A-Z]{26}$/))
      .min(1)
      .max(100),
  }),
  z.strictObject({ all: z.literal(true) }),
])
export type MarkReadInput = z.infer<typeof MarkReadInput>
