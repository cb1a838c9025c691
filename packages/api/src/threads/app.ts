import {
  IdParam,
  Message,
  MessageInput,
  MessagePage,
  MessageParams,
  OpenThreadInput,
  PageQuery,
  Thread,
  ThreadPage,
  ThreadsQuery,
} from '@market/contracts'
import { Threads } from '@market/core'
import { actions } from '../actions.ts'
import type { GroupDeps } from '../deps.ts'
import { createGroupApp } from '../group-app.ts'
import { type AuthDeps, createAuth } from '../middleware/auth.ts'
import { validate } from '../middleware/validate.ts'
import { routeDocs } from '../openapi/describe.ts'

const doc = routeDocs('threads')

/** What each route says of itself in /api/openapi.json. */
const docs = {
  list: doc(
    'The signed-in user’s message threads, latest message first, with unread counts (one Query); with kind and subjectId, those on one request, listing or order (an administrator: a disputed order’s)',
    { 200: ['A page of threads and the total unread', ThreadPage] },
  ),
  open: doc(
    'Open the thread on a request (a buyer names the supplier), listing or order with a first message; the pair’s thread is reused if it exists',
    { 201: ['The new thread', Thread], 200: ['The pair’s existing thread, with the message added', Thread] },
  ),
  messages: doc(
    'A thread’s messages, newest first, for its two parties (and administrators while its order is disputed); marks it read',
    {
      200: ['The thread and a page of messages', MessagePage],
    },
  ),
  send: doc('Send a message in a thread (text up to 4000 characters, up to 4 uploaded photos); the other party is notified', {
    201: ['The message', Message],
  }),
  delete: doc('The sender deletes its own message within 5 minutes of sending it (messages are never edited)', {
    204: ['Deleted', null],
  }),
}

/** Message threads on requests, listings and orders: private to their buyer and supplier. */
/** The ports this group's routes use: its Lambda builds only these. */
export type ThreadsDeps = GroupDeps<keyof AuthDeps | 'threads' | 'rfqs' | 'listings' | 'orders' | 'photos' | 'notifications'>

export const createThreadsApp = (deps: ThreadsDeps) => {
  const { requireUser } = createAuth(deps)
  const signedIn = actions(deps, requireUser)
  return createGroupApp(deps)
    .get('/api/threads', ...signedIn.withQuery(docs.list, ThreadsQuery, Threads.listThreads))
    .post('/api/threads', docs.open, requireUser, validate('json', OpenThreadInput), async (c) => {
      const { created, thread } = await Threads.openThread(deps, c.var.actor, c.req.valid('json'))
      return c.json(thread, created ? 201 : 200)
    })
    .get(
      '/api/threads/:id/messages',
      docs.messages,
      requireUser,
      validate('param', IdParam),
      validate('query', PageQuery),
      async (c) => c.json(await Threads.threadMessages(deps, c.var.actor, c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .post(
      '/api/threads/:id/messages',
      docs.send,
      requireUser,
      validate('param', IdParam),
      validate('json', MessageInput),
      async (c) => c.json(await Threads.sendMessage(deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .delete('/api/threads/:id/messages/:messageId', docs.delete, requireUser, validate('param', MessageParams), async (c) => {
      const { id, messageId } = c.req.valid('param')
      await Threads.deleteMessage(deps, c.var.actor, id, messageId)
      return c.body(null, 204)
    })
}

export type ThreadsApp = ReturnType<typeof createThreadsApp>
