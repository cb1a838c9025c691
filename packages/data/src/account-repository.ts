import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type {
  AuditEntry,
  BankAccount,
  BankAccountChange,
  Locale,
  NotificationKind,
  User,
  UsersQuery,
  VerificationDetails,
} from '@market/contracts'
import { Accounts, type AuditFilter, type Certifications, type KeyedRead, type Notifications } from '@market/core'
import { auditPut } from './audit-writes.ts'
import type { CursorCodec } from './cursor.ts'
import { batchGet, distinctKeys, hasKey, type Item, itemExists, itemIsNew } from './items.ts'
import {
  allUsers,
  auditBy,
  auditLog,
  auditOf,
  auditOfAction,
  auditWithin,
  emailKey,
  loginAttemptsKey,
  mailKey,
  mailQueue,
  passwordResetKey,
  pendingVerifications,
  sessionKey,
  userKey,
  userSearchEntries,
  verifiedSuppliers,
} from './keys.ts'
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
    ...(item.bankAccount ? { bankAccount: item.bankAccount as BankAccount } : {}),
    ...(item.bankAccountChange ? { bankAccountChange: item.bankAccountChange as BankAccountChange } : {}),
    ...(item.certifications ? { certifications: item.certifications as Certifications.Badge[] } : {}),
    ...(item.locale ? { locale: item.locale as Locale } : {}),
    ...(item.mailKinds ? { mailKinds: [...(item.mailKinds as Set<NotificationKind>)].sort() } : {}),
    ...(item.mailUndeliverable ? { mailUndeliverable: true } : {}),
    ...(item.sessionsEndedAt ? { sessionsEndedAt: item.sessionsEndedAt as string } : {}),
  }
}

/** The SET and REMOVE clauses of a bank-account update (see Accounts.BankAccountUpdate). */
const accountClauses = (accounts: Accounts.BankAccountUpdate = {}) => {
  const set: string[] = []
  const remove: string[] = []
  const values: Item = {}
  if (accounts.bankAccount) {
    set.push('bankAccount = :bankAccount')
    values[':bankAccount'] = accounts.bankAccount
  }
  if (accounts.bankAccountChange) {
    set.push('bankAccountChange = :bankAccountChange')
    values[':bankAccountChange'] = accounts.bankAccountChange
  } else if (accounts.bankAccountChange === null) remove.push('bankAccountChange')
  return { set, remove, values }
}

const toAuditEntry = (item: Item): AuditEntry => ({
  id: item.id as string,
  at: item.at as string,
  actorId: item.actorId as string,
  action: item.action as string,
  targetType: item.targetType as string,
  targetId: item.targetId as string,
  ...(item.reason ? { reason: item.reason as string } : {}),
  ...(item.actorName ? { actorName: item.actorName as string } : {}),
  ...(item.targetName ? { targetName: item.targetName as AuditEntry['targetName'] } : {}),
})

/** Entries a filtered page reads, so that a page keeps some of them after the second filter. */
const auditReadAhead = 100
/** Most search entries a user search reads per probe, and most accounts it looks at. */
const searchReadLimit = 100

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

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
      UpdateExpression: `SET ${[update.set, 'version = version + :one'].filter(Boolean).join(', ')}${update.remove ? ` REMOVE ${update.remove}` : ''}`,
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

  /** Sets (or removes) attributes of an existing user that no invariant ties to anything else. */
  const setOnUser = (userId: string, set: string, values: Item, remove?: string) =>
    db.send(
      new UpdateCommand({
        TableName: table,
        Key: userKey(userId),
        UpdateExpression: `SET ${set}${remove ? ` REMOVE ${remove}` : ''}`,
        ConditionExpression: itemExists,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      }),
    )

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
                    Item: {
                      ...userKey(user.id),
                      ...allUsers().entry(user.createdAt, user.id),
                      // Suppliers created verified (the demo data) are found to invite at once.
                      ...(user.role === 'supplier' && user.verificationDetails?.status === 'verified'
                        ? verifiedSuppliers().entry(user.id)
                        : {}),
                      type: 'user',
                      ...user,
                    },
                    ConditionExpression: itemIsNew,
                  },
                },
                // What administrators find the account by, written with it.
                ...Accounts.userSearchTerms(user).map((term) => ({
                  Put: {
                    TableName: table,
                    Item: { ...userSearchEntries().entry(term, user.id), type: 'user-search', userId: user.id },
                  },
                })),
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

    reserveLoginAttempt: async (email: string, now: Date, { max, windowMs }: { max: number; windowMs: number }) => {
      const at = now.getTime()
      const windowEndsAt = at + windowMs
      const base = { TableName: table, Key: loginAttemptsKey(email), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }
      // An attempt either opens a new window (none yet, or the last one has ended) or counts in the
      // current one while it has room. A refused step shows the counter as it is: when it is full,
      // the attempt is refused; otherwise the other step fits, unless a racing attempt got there first.
      const steps = [
        {
          UpdateExpression: 'SET attempts = :one, windowEndsAt = :end, expiresAt = :ttl',
          ConditionExpression: 'attribute_not_exists(windowEndsAt) OR windowEndsAt <= :now',
          ExpressionAttributeValues: {
            ':one': 1,
            ':end': windowEndsAt,
            ':ttl': epochSeconds(new Date(windowEndsAt)),
            ':now': at,
          },
        },
        {
          UpdateExpression: 'SET attempts = attempts + :one',
          ConditionExpression: 'windowEndsAt > :now AND attempts < :max',
          ExpressionAttributeValues: { ':one': 1, ':now': at, ':max': max },
        },
      ]
      for (let turn = 0; turn < 6; turn++) {
        try {
          await db.send(new UpdateCommand({ ...base, ...steps[turn % 2] }))
          return { allowed: true as const }
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error
          // The item as it was comes back in DynamoDB's own attribute format.
          const seen = error.Item as { attempts?: { N?: string }; windowEndsAt?: { N?: string } } | undefined
          const seenEnd = Number(seen?.windowEndsAt?.N)
          if (seenEnd > at && Number(seen?.attempts?.N) >= max) return { allowed: false as const, retryAt: new Date(seenEnd) }
        }
      }
      // Still contended after several turns: refusing briefly is the safe answer.
      return { allowed: false as const, retryAt: new Date(at + 1000) }
    },

    clearLoginAttempts: async (email: string) => {
      await db.send(new DeleteCommand({ TableName: table, Key: loginAttemptsKey(email) }))
    },

    createSession: async (session: Accounts.Session) => {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...sessionKey(session.id),
            type: 'session',
            userId: session.userId,
            // When it began by the domain's clock: a password reset ends the sessions begun before it.
            startedAt: new Date(session.expiresAt.getTime() - Accounts.sessionLifetimeMs).toISOString(),
            expiresAt: epochSeconds(session.expiresAt),
          },
        }),
      )
    },

    deleteSession: async (id: string) => {
      await db.send(new DeleteCommand({ TableName: table, Key: sessionKey(id) }))
    },

    /**
     * One BatchGet: the session (revoked by sign-out) and the user (suspension applies at once),
     * with the items `alongside` names.
     */
    findSessionUser: async <T = undefined>(sessionId: string, userId: string, alongside?: KeyedRead<T>) => {
      const own = [sessionKey(sessionId), userKey(userId)]
      const items = await batchGet(db, table, distinctKeys([...own, ...(alongside?.keys ?? [])]), { consistent: true })
      const [session, user] = own.map((key) => items.find((item) => hasKey(item, key)))
      const ended =
        // A password reset ends every session begun before it (those from before sessions were dated too).
        user?.sessionsEndedAt && ((session?.startedAt as string | undefined) ?? '') <= (user.sessionsEndedAt as string)
      return {
        found:
          session && user && session.userId === userId && !ended
            ? {
                session: { id: sessionId, userId, expiresAt: new Date((session.expiresAt as number) * 1000) },
                user: toStoredUser(user),
              }
            : undefined,
        alongside: alongside?.take(items),
      }
    },

    updateVerification: ({
      userId,
      from,
      details,
      audit,
      accounts,
      notifications = [],
    }: Parameters<Accounts.AccountStore['updateVerification']>[0]) => {
      const pending = details.status === 'pending'
      const account = accountClauses(accounts)
      const values: Item = { ':details': details, ':supplier': 'supplier', ...account.values }
      const fromConditions = from.map((status, index) => {
        values[`:from${index}`] = status
        return `verificationDetails.#status = :from${index}`
      })
      // A supplier that never asked has no details yet: it counts as unverified.
      if (from.includes('unverified')) fromConditions.push('attribute_not_exists(verificationDetails)')
      // A pending request puts the supplier in the verification queue; a decision takes it out.
      const queue = pendingVerifications()
      // Approval puts it among the verified suppliers buyers search to invite; any other decision takes it out.
      const verified = verifiedSuppliers()
      const entry = {
        ...(pending ? queue.entry(details.submittedAt as string, userId) : {}),
        ...(details.status === 'verified' ? verified.entry(userId) : {}),
      }
      Object.assign(values, prefixed(entry))
      const removed = [
        ...account.remove,
        ...(pending ? [] : [queue.keys.partitionKey, queue.keys.sortKey]),
        ...(details.status === 'verified' ? [] : [verified.keys.partitionKey, verified.keys.sortKey]),
      ]
      return updateUser(
        userId,
        {
          set: ['verificationDetails = :details', ...account.set, ...Object.keys(entry).map((name) => `${name} = :${name}`)].join(
            ', ',
          ),
          ...(removed.length > 0 ? { remove: removed.join(', ') } : {}),
          condition: `#role = :supplier AND (${fromConditions.join(' OR ')})`,
          names: { '#status': 'status', '#role': 'role' },
          values,
        },
        { ...(audit ? { audit } : {}), notifications },
        (current) => new Accounts.VerificationStateError(current?.verificationDetails?.status ?? 'unverified'),
      )
    },

    updateBankAccount: ({
      userId,
      accounts,
      decidedChangeAt,
      audit,
      notifications = [],
    }: Parameters<Accounts.AccountStore['updateBankAccount']>[0]) => {
      const account = accountClauses(accounts)
      // A waiting change puts the supplier in the verification queue; a decision takes it out.
      const queue = pendingVerifications()
      const waiting = accounts.bankAccountChange
      const entry = waiting ? queue.entry(waiting.submittedAt, userId) : {}
      const values: Item = { ...account.values, ...prefixed(entry), ':supplier': 'supplier', ':verified': 'verified' }
      if (decidedChangeAt) values[':decided'] = decidedChangeAt
      return updateUser(
        userId,
        {
          set: [...account.set, ...Object.keys(entry).map((name) => `${name} = :${name}`)].join(', '),
          ...(waiting ? {} : { remove: [...account.remove, queue.keys.partitionKey, queue.keys.sortKey].join(', ') }),
          condition: [
            '#role = :supplier AND verificationDetails.#status = :verified',
            ...(decidedChangeAt ? ['bankAccountChange.submittedAt = :decided'] : []),
          ].join(' AND '),
          names: { '#status': 'status', '#role': 'role' },
          values,
        },
        { audit, notifications },
        (current) =>
          decidedChangeAt
            ? new Accounts.NoBankAccountChangeError()
            : new Accounts.VerificationStateError(current?.verificationDetails?.status ?? 'unverified'),
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

    searchUsers: async ({ probes, role, status, limit }: Parameters<Accounts.AccountStore['searchUsers']>[0]) => {
      // One Query a probe (at most three), reading a bounded number of entries; the accounts found
      // are read in one BatchGet, their role and status as they are now.
      const found = await Promise.all(
        probes.map((probe) => queryItems(userSearchEntries(), { sortKey: { beginsWith: probe }, limit: searchReadLimit })),
      )
      const ids = [...new Set(found.flatMap((result) => result.items.map((item) => item.userId as string)))].slice(
        0,
        searchReadLimit,
      )
      if (ids.length === 0) return []
      const users = new Map((await batchGet(db, table, ids.map(userKey))).map((item) => [item.id as string, toStoredUser(item)]))
      return ids
        .flatMap((id) => {
          const user = users.get(id)
          return user && (!role || user.role === role) && (!status || user.status === status) ? [user] : []
        })
        .slice(0, limit)
    },

    /**
     * The log through the index of its most selective filter (an object's history, then one
     * person's actions, then one kind of action), the span as a key condition on time; the
     * other filters narrow what that partition holds.
     */
    listAudit: async ({ cursor, limit, actor, action, target, from, to }: AuditFilter & { cursor?: string; limit: number }) => {
      const partition = target ? auditOf(target) : actor ? auditBy(actor) : action ? auditOfAction(action) : auditLog()
      const filter = target ? equalTo({ actorId: actor, action }) : actor ? equalTo({ action }) : undefined
      const sortKey = auditWithin({ from, to })
      const result = await queryPage(partition, {
        ...(cursor ? { cursor } : {}),
        limit,
        descending: true,
        ...(sortKey ? { sortKey } : {}),
        ...(filter ? { filter, readAhead: auditReadAhead } : {}),
      })
      return { items: result.items.map(toAuditEntry), nextCursor: result.nextCursor }
    },

    setLocale: async (userId: string, locale: Locale) => {
      await setOnUser(userId, 'locale = :value', { ':value': locale })
    },

    // A string set, or no attribute when none is chosen (DynamoDB keeps no empty sets).
    setMailKinds: async (userId: string, kinds: NotificationKind[]) => {
      await (kinds.length > 0
        ? setOnUser(userId, 'mailKinds = :value', { ':value': new Set(kinds) })
        : setOnUser(userId, 'version = version', {}, 'mailKinds'))
    },

    markMailUndeliverable: async (email: string) => {
      const owner = await db.send(new GetCommand({ TableName: table, Key: emailKey(email) }))
      if (owner.Item) await setOnUser(owner.Item.userId as string, 'mailUndeliverable = :value', { ':value': true })
    },

    createPasswordReset: async (reset: Accounts.PasswordReset, mail: { id: string; token: string; due: Date }) => {
      const expiresAt = epochSeconds(reset.expiresAt)
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: {
                  ...passwordResetKey(reset.tokenHash),
                  type: 'password_reset',
                  userId: reset.userId,
                  validUntil: reset.expiresAt.toISOString(),
                  expiresAt,
                },
              },
            },
            {
              Put: {
                TableName: table,
                Item: {
                  ...mailKey(mail.id),
                  ...mailQueue().entry(mail.due.toISOString(), mail.id),
                  type: 'mail',
                  id: mail.id,
                  mailTo: reset.userId,
                  token: mail.token,
                  // Useless once the link has expired: gone with it even if never sent.
                  expiresAt,
                },
              },
            },
          ],
        }),
      )
    },

    findPasswordReset: async (tokenHash: string) => {
      const result = await db.send(new GetCommand({ TableName: table, Key: passwordResetKey(tokenHash), ConsistentRead: true }))
      return result.Item
        ? { tokenHash, userId: result.Item.userId as string, expiresAt: new Date(result.Item.validUntil as string) }
        : undefined
    },

    completePasswordReset: async (reset: Accounts.PasswordReset, passwordHash: string, now: Date) => {
      try {
        await withConflictRetry(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Delete: {
                    TableName: table,
                    Key: passwordResetKey(reset.tokenHash),
                    ConditionExpression: `${itemExists} AND validUntil > :now`,
                    ExpressionAttributeValues: { ':now': now.toISOString() },
                  },
                },
                {
                  Update: {
                    TableName: table,
                    Key: userKey(reset.userId),
                    UpdateExpression: 'SET passwordHash = :hash, sessionsEndedAt = :now, version = version + :one',
                    ConditionExpression: itemExists,
                    ExpressionAttributeValues: { ':hash': passwordHash, ':now': now.toISOString(), ':one': 1 },
                  },
                },
              ],
            }),
          ),
        )
        return true
      } catch (error) {
        if (writeRefusal(error) === 'condition') return false
        throw error
      }
    },
  } satisfies Accounts.AccountStore
}

const prefixed = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`:${name}`, value]))
