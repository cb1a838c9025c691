import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, User, UsersQuery, VerificationDetails } from '@market/contracts'
import { Accounts, type Notifications } from '@market/core'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { batchGet, type Item, itemExists, itemIsNew } from './items.ts'
import { allUsers, auditLog, emailKey, loginFailuresKey, pendingVerifications, sessionKey, userKey } from './keys.ts'
import { notificationWrites } from './notification-repository.ts'
import { createQueries, equalTo } from './query.ts'
import { readTotals } from './rating-totals.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

export const toStoredUser = (item: Item): Accounts.StoredUser => {
  const ratingTotals = readTotals(item)
  return {
    id: item.id as string,
    email: item.email as string,
    name: item.name as string,
    role: item.role as User['role'],
    status: item.status as User['status'],
    company: item.company as User['company'],
    createdAt: item.createdAt as string,
    passwordHash: item.passwordHash as string,
    version: item.version as number,
    ...(item.verificationDetails ? { verificationDetails: item.verificationDetails as VerificationDetails } : {}),
    ...(item.tradeCategories ? { tradeCategories: [...(item.tradeCategories as Set<string>)].sort() } : {}),
    ...(ratingTotals ? { ratingTotals } : {}),
  }
}

const toAuditEntry = (item: Item): AuditEntry => ({
  id: item.id as string,
  at: item.at as string,
  actorId: item.actorId as string,
  action: item.action as string,
  targetType: item.targetType as string,
  targetId: item.targetId as string,
  ...(item.reason ? { reason: item.reason as string } : {}),
})

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

/** Login failures kept per email before the list is trimmed to the recent ones. */
const failureListCap = 20

export const createAccountRepository = (db: DynamoDBDocumentClient, table: string, cursors: CursorCodec) => {
  const { queryItems, queryPage } = createQueries(db, table, cursors)
  const findUserById = async (id: string) => {
    const result = await db.send(new GetCommand({ TableName: table, Key: userKey(id), ConsistentRead: true }))
    return result.Item ? toStoredUser(result.Item) : undefined
  }

  /** A conditional update on the user, with its audit entry and notifications in the same transaction. */
  const updateUser = async (
    userId: string,
    update: { set: string; remove?: string; condition: string; names: Record<string, string>; values: Item },
    extra: { audit?: AuditEntry; notifications?: Notifications.OutgoingNotification[] },
    onRefused: (current: Accounts.StoredUser | undefined) => Error,
  ) => {
    const input = {
      TableName: table,
      Key: userKey(userId),
      UpdateExpression: `SET ${update.set}, version = version + :one${update.remove ? ` REMOVE ${update.remove}` : ''}`,
      ConditionExpression: `${itemExists} AND (${update.condition})`,
      ExpressionAttributeNames: update.names,
      ExpressionAttributeValues: { ...update.values, ':one': 1 },
    }
    try {
      const others = [
        ...(extra.audit ? [auditPut(table, extra.audit)] : []),
        ...notificationWrites(table, extra.notifications ?? []),
      ]
      await withConflictRetry<unknown>(() =>
        others.length > 0
          ? db.send(new TransactWriteCommand({ TransactItems: [{ Update: input }, ...others] }))
          : db.send(new UpdateCommand(input)),
      )
    } catch (error) {
      if (writeRefusal(error) === 'condition') throw onRefused(await findUserById(userId))
      throw error
    }
    return (await findUserById(userId)) as Accounts.StoredUser
  }

  return {
    createUser: async (user: Accounts.StoredUser) => {
      try {
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: table,
                    Item: { ...emailKey(user.email), type: 'email', userId: user.id },
                    ConditionExpression: itemIsNew,
                  },
                },
                {
                  Put: {
                    TableName: table,
                    Item: { ...userKey(user.id), ...allUsers().entry(user.createdAt, user.id), type: 'user', ...user },
                    ConditionExpression: itemIsNew,
                  },
                },
              ],
            }),
          ),
        )
      } catch (error) {
        if (writeRefusal(error)) throw new Accounts.EmailTakenError()
        throw error
      }
    },

    findUserById,

    findUserByEmail: async (email: string) => {
      const result = await db.send(new GetCommand({ TableName: table, Key: emailKey(email), ConsistentRead: true }))
      return result.Item ? findUserById(result.Item.userId as string) : undefined
    },

    loginFailures: async (email: string) => {
      const result = await db.send(new GetCommand({ TableName: table, Key: loginFailuresKey(email), ConsistentRead: true }))
      return ((result.Item?.failures as string[] | undefined) ?? []).map((at) => new Date(at))
    },

    recordLoginFailure: async (email: string, at: Date, keepUntil: Date) => {
      const base = { TableName: table, Key: loginFailuresKey(email) }
      try {
        // Appending is atomic, so concurrent failures all count.
        await db.send(
          new UpdateCommand({
            ...base,
            UpdateExpression: 'SET failures = list_append(if_not_exists(failures, :empty), :at), expiresAt = :ttl',
            ConditionExpression: 'attribute_not_exists(failures) OR size(failures) < :cap',
            ExpressionAttributeValues: {
              ':empty': [],
              ':at': [at.toISOString()],
              ':ttl': epochSeconds(keepUntil),
              ':cap': failureListCap,
            },
          }),
        )
      } catch (error) {
        if (writeRefusal(error) !== 'condition') throw error
        // A long-running guesser fills the list with old failures: start it again from this one.
        await db.send(
          new UpdateCommand({
            ...base,
            UpdateExpression: 'SET failures = :at, expiresAt = :ttl',
            ExpressionAttributeValues: { ':at': [at.toISOString()], ':ttl': epochSeconds(keepUntil) },
          }),
        )
      }
    },

    clearLoginFailures: async (email: string) => {
      await db.send(new DeleteCommand({ TableName: table, Key: loginFailuresKey(email) }))
    },

    createSession: async (session: Accounts.Session) => {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...sessionKey(session.id),
            type: 'session',
            userId: session.userId,
            expiresAt: epochSeconds(session.expiresAt),
          },
        }),
      )
    },

    deleteSession: async (id: string) => {
      await db.send(new DeleteCommand({ TableName: table, Key: sessionKey(id) }))
    },

    /** One BatchGet: the session (revoked by sign-out) and the user (suspension applies at once). */
    findSessionUser: async (sessionId: string, userId: string) => {
      const items = await batchGet(db, table, [sessionKey(sessionId), userKey(userId)], { consistent: true })
      const session = items.find((item) => item.type === 'session')
      const user = items.find((item) => item.type === 'user')
      if (!session || !user || session.userId !== userId) return undefined
      return {
        session: { id: sessionId, userId, expiresAt: new Date((session.expiresAt as number) * 1000) },
        user: toStoredUser(user),
      }
    },

    updateVerification: ({
      userId,
      from,
      details,
      audit,
      notifications = [],
    }: Parameters<Accounts.AccountStore['updateVerification']>[0]) => {
      const pending = details.status === 'pending'
      const values: Item = { ':details': details, ':supplier': 'supplier' }
      const fromConditions = from.map((status, index) => {
        values[`:from${index}`] = status
        return `verificationDetails.#status = :from${index}`
      })
      // A supplier that never asked has no details yet: it counts as unverified.
      if (from.includes('unverified')) fromConditions.push('attribute_not_exists(verificationDetails)')
      // A pending request puts the supplier in the verification queue; a decision takes it out.
      const queue = pendingVerifications()
      const entry = pending ? queue.entry(details.submittedAt as string, userId) : {}
      Object.assign(values, prefixed(entry))
      return updateUser(
        userId,
        {
          set: ['verificationDetails = :details', ...Object.keys(entry).map((name) => `${name} = :${name}`)].join(', '),
          ...(pending ? {} : { remove: `${queue.keys.partitionKey}, ${queue.keys.sortKey}` }),
          condition: `#role = :supplier AND (${fromConditions.join(' OR ')})`,
          names: { '#status': 'status', '#role': 'role' },
          values,
        },
        { ...(audit ? { audit } : {}), notifications },
        (current) => new Accounts.VerificationStateError(current?.verificationDetails?.status ?? 'unverified'),
      )
    },

    updateStatus: ({ userId, from, to, audit }: Parameters<Accounts.AccountStore['updateStatus']>[0]) =>
      updateUser(
        userId,
        {
          set: '#status = :to',
          condition: '#status = :from',
          names: { '#status': 'status' },
          values: { ':to': to, ':from': from },
        },
        { audit },
        (current) => new Accounts.AccountStatusError(current?.status ?? from),
      ),

    listPendingVerifications: async () => (await queryItems(pendingVerifications(), { limit: 100 })).items.map(toStoredUser),

    listUsers: async ({ role, status, ...page }: UsersQuery) => {
      const result = await queryPage(allUsers(), { ...page, filter: equalTo({ role, status }), descending: true })
      return { items: result.items.map(toStoredUser), nextCursor: result.nextCursor }
    },

    listAudit: async (page: { cursor?: string; limit: number }) => {
      const result = await queryPage(auditLog(), { ...page, descending: true })
      return { items: result.items.map(toAuditEntry), nextCursor: result.nextCursor }
    },
  } satisfies Accounts.AccountStore
}

const prefixed = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`:${name}`, value]))
