import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, User, UsersQuery, VerificationDetails } from '@market/contracts'
import { Accounts, type Notifications } from '@market/core'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { batchGet, type Item } from './items.ts'
import { auditKey, emailKey, loginFailuresKey, pendingVerificationIndex, sessionKey, userKey, userListIndex } from './keys.ts'
import { notificationWrites } from './notification-repository.ts'
import { withConflictRetry, writeRefusal } from './transactions.ts'

export const toStoredUser = (item: Item): Accounts.StoredUser => ({
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
})

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
      ConditionExpression: `attribute_exists(pk) AND (${update.condition})`,
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
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Put: {
                    TableName: table,
                    Item: { ...userKey(user.id), ...userListIndex(user.createdAt, user.id), type: 'user', ...user },
                    ConditionExpression: 'attribute_not_exists(pk)',
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
      if (pending) Object.assign(values, prefixed(pendingVerificationIndex(details.submittedAt as string, userId)))
      return updateUser(
        userId,
        {
          set: pending ? 'verificationDetails = :details, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk' : 'verificationDetails = :details',
          ...(pending ? {} : { remove: 'gsi1pk, gsi1sk' }),
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

    listPendingVerifications: async () => {
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': pendingVerificationIndex('', '').gsi1pk },
          Limit: 100,
        }),
      )
      return (result.Items ?? []).map(toStoredUser)
    },

    listUsers: async (query: UsersQuery) => {
      const filters: string[] = []
      const values: Item = { ':pk': userListIndex('', '').gsi2pk }
      const names: Record<string, string> = {}
      if (query.role) {
        filters.push('#role = :role')
        names['#role'] = 'role'
        values[':role'] = query.role
      }
      if (query.status) {
        filters.push('#status = :status')
        names['#status'] = 'status'
        values[':status'] = query.status
      }
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: values,
          ...(filters.length > 0 ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
          ScanIndexForward: false,
          Limit: query.limit,
          ExclusiveStartKey: await cursors.decode(query.cursor),
        }),
      )
      return { items: (result.Items ?? []).map(toStoredUser), nextCursor: await cursors.encode(result.LastEvaluatedKey) }
    },

    listAudit: async (page: { cursor?: string; limit: number }) => {
      const result = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditKey('', '').pk },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: await cursors.decode(page.cursor),
        }),
      )
      return { items: (result.Items ?? []).map(toAuditEntry), nextCursor: await cursors.encode(result.LastEvaluatedKey) }
    },
  } satisfies Accounts.AccountStore
}

const prefixed = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`:${name}`, value]))
