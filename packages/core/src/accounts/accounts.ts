import type {
  AuditQuery,
  BankAccount,
  BankAccountChange,
  BankAccountInput,
  LocaleInput,
  LoginInput,
  MeResponse,
  NotificationPreferences,
  NotificationPreferencesInput,
  PendingVerification,
  ReasonInput,
  RegisterInput,
  User,
  UsersQuery,
  VerificationDecisionInput,
  VerificationRequestInput,
} from '@market/contracts'
import { AuditSpanError, auditActor, auditEntry, auditSpan, userTarget } from '../audit/audit-entry.ts'
import { DomainError, NotFoundError } from '../errors.ts'
import { requireImages } from '../listings/photos.ts'
import type { PhotoStore } from '../listings/ports.ts'
import { notification } from '../notifications/notifications.ts'
import type { Clock, IdGenerator, KeyedRead } from '../ports.ts'
import {
  AccountStatusError,
  ForeignCollectionQrError,
  InvalidCredentialsError,
  NoBankAccountChangeError,
  RoleNotAllowedError,
  TooManyLoginAttemptsError,
  VerificationStateError,
} from './errors.ts'
import { hashPassword, type PasswordCost, unknownUserHash, verifyPassword } from './passwords.ts'
import type { AccountStore, Session, StoredUser } from './ports.ts'
import { userSearchProbes } from './user-search.ts'

export type AccountDeps = {
  accounts: AccountStore
  clock: Clock
  ids: IdGenerator
  /** The scrypt cost of the passwords it hashes: the market's own unless a test lowers it. */
  passwordCost?: PasswordCost
}

export const loginWindowMs = 15 * 60 * 1000
export const maxLoginAttempts = 5
export const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000

/** What anyone allowed to see a user sees: never the hash, the version or the licence details. */
export const toPublicUser = (user: StoredUser): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  status: user.status,
  company: user.company,
  createdAt: user.createdAt,
  ...(user.role === 'supplier' ? { verification: user.verificationDetails?.status ?? 'unverified' } : {}),
})

/** The signed-in user's own view adds their verification details (reason of a rejection, etc.) and bank accounts. */
export const toMe = (user: StoredUser): MeResponse => ({
  ...toPublicUser(user),
  ...(user.locale ? { locale: user.locale } : {}),
  ...(user.role === 'supplier' && user.verificationDetails ? { verificationDetails: user.verificationDetails } : {}),
  ...(user.role === 'supplier' && user.bankAccount ? { bankAccount: user.bankAccount } : {}),
  ...(user.role === 'supplier' && user.bankAccountChange ? { bankAccountChange: user.bankAccountChange } : {}),
})

/** The account as approved: what the change waiting for the check becomes. */
const approvedAccount = ({ submittedAt: _, ...account }: BankAccountChange): BankAccount => account

/** An account a supplier submits, waiting for the check; its collection QR must be an image it uploaded. */
const accountToCheck = async (
  deps: { photos: PhotoStore; clock: AccountDeps['clock'] },
  supplier: StoredUser,
  input: BankAccountInput,
): Promise<BankAccountChange> => {
  if (input.collectionQr) {
    if (!input.collectionQr.startsWith(`photos/${supplier.id}/`)) throw new ForeignCollectionQrError()
    await requireImages(deps.photos, [input.collectionQr], [supplier.bankAccount?.collectionQr ?? ''])
  }
  return { ...input, submittedAt: deps.clock.now().toISOString() }
}

const newSession = (deps: AccountDeps, userId: string): Session => ({
  id: deps.ids.next(),
  userId,
  expiresAt: new Date(deps.clock.now().getTime() + sessionLifetimeMs),
})

/**
 * A new active user with a hashed password; suppliers start unverified. Users made in bulk who
 * share a password (the bench's) may share its hash, made once: scrypt is slow by design.
 */
export const prepareUser = async (
  deps: Pick<AccountDeps, 'clock' | 'ids' | 'passwordCost'>,
  input: Pick<RegisterInput, 'email' | 'name' | 'company' | 'locale'> & { role: User['role'] } & (
      | Pick<RegisterInput, 'password'>
      | { passwordHash: string }
    ),
): Promise<StoredUser> => ({
  id: deps.ids.next(),
  email: input.email,
  name: input.name,
  role: input.role,
  status: 'active',
  company: input.company,
  createdAt: deps.clock.now().toISOString(),
  passwordHash: 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password, deps.passwordCost),
  ...(input.role === 'supplier' ? { verificationDetails: { status: 'unverified' as const } } : {}),
  ...(input.locale ? { locale: input.locale } : {}),
  version: 1,
})

export const register = async (deps: AccountDeps, input: RegisterInput) => {
  const user = await prepareUser(deps, input)
  await deps.accounts.createUser(user)
  const session = newSession(deps, user.id)
  await deps.accounts.createSession(session)
  return { user, session }
}

/** Administrators are never self-registered: the admin CLI and the demo seed call this. */
export const createAdmin = async (deps: AccountDeps, input: { email: string; password: string; name: string }) => {
  const user = await prepareUser(deps, { ...input, role: 'admin', company: { name: '拉萨服装原辅料交易市场' } })
  await deps.accounts.createUser(user)
  return user
}

/**
 * Five attempts for one email per 15-minute window, whether or not the account exists, so the
 * answer never reveals which emails are registered. Each attempt is counted before its password
 * is checked, so a parallel burst gets at most five checks; a successful sign-in clears the count.
 */
export const login = async (deps: AccountDeps, input: LoginInput) => {
  const now = deps.clock.now()
  const attempt = await deps.accounts.reserveLoginAttempt(input.email, now, { max: maxLoginAttempts, windowMs: loginWindowMs })
  if (!attempt.allowed)
    throw new TooManyLoginAttemptsError(Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 1000)))
  const user = await deps.accounts.findUserByEmail(input.email)
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? unknownUserHash(deps.passwordCost))
  if (!user || !passwordMatches) throw new InvalidCredentialsError()
  await deps.accounts.clearLoginAttempts(input.email)
  const session = newSession(deps, user.id)
  await deps.accounts.createSession(session)
  return { user, session }
}

export const submitVerification = async (
  deps: AccountDeps & { photos: PhotoStore },
  actor: StoredUser,
  { bankAccount, ...input }: VerificationRequestInput,
) => {
  if (actor.role !== 'supplier') throw new RoleNotAllowedError(['supplier'])
  return deps.accounts.updateVerification({
    userId: actor.id,
    // A rejected supplier may correct and resubmit; a pending one may correct its request.
    from: ['unverified', 'rejected', 'pending'],
    details: { status: 'pending', ...input, submittedAt: deps.clock.now().toISOString() },
    // The account is checked with the licence, and shown on orders once the supplier is verified.
    ...(bankAccount ? { accounts: { bankAccountChange: await accountToCheck(deps, actor, bankAccount) } } : {}),
  })
}

/**
 * A verified supplier changes its bank account: the change waits in the verification queue, the
 * supplier stays verified, and its orders show the approved account until the change is approved.
 * Before verification, the account goes with the verification request.
 */
export const changeBankAccount = async (
  deps: AccountDeps & { photos: PhotoStore },
  supplier: StoredUser,
  input: BankAccountInput,
) => {
  if (supplier.role !== 'supplier') throw new RoleNotAllowedError(['supplier'])
  const status = supplier.verificationDetails?.status ?? 'unverified'
  if (status !== 'verified') throw new VerificationStateError(status)
  const change = await accountToCheck(deps, supplier, input)
  return deps.accounts.updateBankAccount({
    userId: supplier.id,
    accounts: { bankAccountChange: change },
    audit: auditEntry({
      id: deps.ids.next(),
      at: deps.clock.now(),
      actor: auditActor(supplier),
      action: 'supplier.bank_account.change',
      target: userTarget(supplier),
    }),
  })
}

/** An administrator approves a verified supplier's new bank account (orders show it from then on) or rejects it. */
export const decideBankAccountChange = async (
  deps: AccountDeps,
  admin: StoredUser,
  supplierId: string,
  input: VerificationDecisionInput,
) => {
  const supplier = await findUser(deps, supplierId)
  if (supplier.role !== 'supplier') throw new NotFoundError('supplier')
  const change = supplier.bankAccountChange
  if (!change || supplier.verificationDetails?.status !== 'verified') throw new NoBankAccountChangeError()
  const approved = input.decision === 'approve'
  return deps.accounts.updateBankAccount({
    userId: supplier.id,
    accounts: { ...(approved ? { bankAccount: approvedAccount(change) } : {}), bankAccountChange: null },
    decidedChangeAt: change.submittedAt,
    notifications: [
      notification(
        deps,
        supplier.id,
        approved ? 'bank_account.approved' : 'bank_account.rejected',
        input.reason ? { reason: input.reason } : {},
      ),
    ],
    audit: auditEntry({
      id: deps.ids.next(),
      at: deps.clock.now(),
      actor: auditActor(admin),
      action: approved ? 'supplier.bank_account.approve' : 'supplier.bank_account.reject',
      target: userTarget(supplier),
      reason: input.reason,
    }),
  })
}

const findUser = async (deps: AccountDeps, id: string) => {
  const user = await deps.accounts.findUserById(id)
  if (!user) throw new NotFoundError('user')
  return user
}

export const decideVerification = async (
  deps: AccountDeps,
  admin: StoredUser,
  supplierId: string,
  input: VerificationDecisionInput,
) => {
  const supplier = await findUser(deps, supplierId)
  if (supplier.role !== 'supplier') throw new NotFoundError('supplier')
  const now = deps.clock.now()
  const approved = input.decision === 'approve'
  return deps.accounts.updateVerification({
    userId: supplier.id,
    from: ['pending'],
    details: {
      ...supplier.verificationDetails,
      status: approved ? 'verified' : 'rejected',
      decidedAt: now.toISOString(),
      ...(input.reason ? { reason: input.reason } : { reason: undefined }),
    },
    // The account sent with the request is approved with the licence.
    ...(approved && supplier.bankAccountChange
      ? { accounts: { bankAccount: approvedAccount(supplier.bankAccountChange), bankAccountChange: null } }
      : {}),
    notifications: [
      notification(
        deps,
        supplier.id,
        approved ? 'verification.approved' : 'verification.rejected',
        input.reason ? { reason: input.reason } : {},
      ),
    ],
    audit: auditEntry({
      id: deps.ids.next(),
      at: now,
      actor: auditActor(admin),
      action: approved ? 'supplier.verification.approve' : 'supplier.verification.reject',
      target: userTarget(supplier),
      reason: input.reason,
    }),
  })
}

const changeStatus = async (
  deps: AccountDeps,
  admin: StoredUser,
  userId: string,
  change: { from: User['status']; to: User['status']; action: string; reason?: string },
) => {
  if (userId === admin.id)
    throw new DomainError('unprocessable', 'account.self_action', 'Administrators cannot suspend themselves')
  const user = await findUser(deps, userId)
  if (user.status !== change.from) throw new AccountStatusError(user.status)
  return deps.accounts.updateStatus({
    userId,
    from: change.from,
    to: change.to,
    audit: auditEntry({
      id: deps.ids.next(),
      at: deps.clock.now(),
      actor: auditActor(admin),
      action: change.action,
      target: userTarget(user),
      reason: change.reason,
    }),
  })
}

export const suspendUser = (deps: AccountDeps, admin: StoredUser, userId: string, input: ReasonInput) =>
  changeStatus(deps, admin, userId, { from: 'active', to: 'suspended', action: 'user.suspend', reason: input.reason })

export const reinstateUser = (deps: AccountDeps, admin: StoredUser, userId: string, input: Partial<ReasonInput>) =>
  changeStatus(deps, admin, userId, {
    from: 'suspended',
    to: 'active',
    action: 'user.reinstate',
    ...(input.reason ? { reason: input.reason } : {}),
  })

export const listPendingVerifications = async (deps: AccountDeps): Promise<PendingVerification[]> =>
  (await deps.accounts.listPendingVerifications()).map((user) => ({
    kind: user.verificationDetails?.status === 'verified' ? 'bank_account_change' : 'verification',
    supplier: toPublicUser(user),
    ...(user.bankAccountChange ? { bankAccount: user.bankAccountChange } : {}),
    ...(user.bankAccount ? { currentBankAccount: user.bankAccount } : {}),
    licenseNumber: user.verificationDetails?.licenseNumber ?? '',
    contactPhone: user.verificationDetails?.contactPhone ?? '',
    submittedAt: user.verificationDetails?.submittedAt ?? user.createdAt,
    ...(user.verificationDetails?.stall ? { stall: user.verificationDetails.stall } : {}),
  }))

export const listUsers = async (deps: AccountDeps, { q, ...query }: UsersQuery) => {
  if (q) {
    const found = await deps.accounts.searchUsers({
      probes: userSearchProbes(q),
      ...(query.role ? { role: query.role } : {}),
      ...(query.status ? { status: query.status } : {}),
      limit: query.limit,
    })
    return { items: found.map(toPublicUser), nextCursor: null }
  }
  const page = await deps.accounts.listUsers(query)
  return { items: page.items.map(toPublicUser), nextCursor: page.nextCursor }
}

/**
 * The signed-in user behind a session token's claims, or undefined when the session was signed
 * out or has expired (TTL deletes expired sessions only eventually, so the time is checked here).
 */
/** The signed-in user a session token names, if its session holds; and what `alongside` read with it. */
export const authenticate = async <T = undefined>(
  deps: AccountDeps,
  claims: { sessionId: string; userId: string },
  alongside?: KeyedRead<T>,
) => {
  const { found, alongside: read } = await deps.accounts.findSessionUser(claims.sessionId, claims.userId, alongside)
  const live = found && found.session.expiresAt.getTime() > deps.clock.now().getTime()
  return { actor: live ? found.user : undefined, alongside: read }
}

/** The language the user switched the web to: their e-mail follows it. */
export const setLocale = (deps: AccountDeps, user: StoredUser, input: LocaleInput) =>
  deps.accounts.setLocale(user.id, input.locale)

export const notificationPreferences = (user: StoredUser): NotificationPreferences => ({
  emailKinds: user.mailKinds ?? [],
  emailUndeliverable: user.mailUndeliverable ?? false,
})

export const setNotificationPreferences = async (deps: AccountDeps, user: StoredUser, input: NotificationPreferencesInput) => {
  const kinds = [...new Set(input.emailKinds)].sort()
  await deps.accounts.setMailKinds(user.id, kinds)
  return notificationPreferences({ ...user, mailKinds: kinds })
}

export const logout = (deps: AccountDeps, sessionId: string) => deps.accounts.deleteSession(sessionId)

/** The audit log, newest first, filtered by who, what, on which object and between which times. */
export const listAudit = (deps: AccountDeps, { from, to, ...query }: AuditQuery) => {
  const span = auditSpan({ from, to })
  if (span.from && span.to && span.from > span.to) throw new AuditSpanError()
  return deps.accounts.listAudit({ ...query, ...span })
}
