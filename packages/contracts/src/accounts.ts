import * as z from 'zod'
import { LocalizedText } from './catalog.ts'
import { phone, text, ulid } from './fields.ts'
import { PhotoKey } from './listings.ts'
import * as values from './values.ts'

export const Role = z.enum(values.roles)
export type Role = z.infer<typeof Role>

export const AccountStatus = z.enum(values.accountStatuses)
export type AccountStatus = z.infer<typeof AccountStatus>

export const VerificationStatus = z.enum(values.verificationStatuses)
export type VerificationStatus = z.infer<typeof VerificationStatus>

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase())

export const Password = z.string().min(10, 'At least 10 characters').max(200)

export const CompanyInput = z.strictObject({
  name: text(120),
  phone: phone.optional(),
  address: text(300).optional(),
})
export type CompanyInput = z.infer<typeof CompanyInput>

export const Locale = z.enum(values.locales)
export type Locale = z.infer<typeof Locale>

export const RegisterInput = z.strictObject({
  email: Email,
  password: Password,
  name: text(80),
  role: z.enum(values.selfRegisteredRoles),
  company: CompanyInput,
  /** The language the page was shown in: the account's e-mail goes in it. */
  locale: Locale.optional(),
})
export type RegisterInput = z.infer<typeof RegisterInput>

export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1).max(200) })
export type LoginInput = z.infer<typeof LoginInput>

export const Company = z.object({ name: z.string(), phone: z.string().optional(), address: z.string().optional() })
export type Company = z.infer<typeof Company>

/** A supplier's company bank account (对公账户), where buyers send bank transfers. */
export const BankAccountInput = z.strictObject({
  /** 户名 */
  holder: text(120),
  /** 开户行, with its branch */
  bank: text(120),
  /** 账号: spaces allowed as typed, stored without. */
  number: z
    .string()
    .max(60)
    .transform((number) => number.replace(/\s+/g, ''))
    .pipe(z.string().regex(values.bankAccountNumberPattern, 'The account number: 8–30 digits')),
  /** An optional WeChat Pay / Alipay collection QR code (收款码), uploaded like a photo. */
  collectionQr: PhotoKey.optional(),
})
export type BankAccountInput = z.infer<typeof BankAccountInput>

export const BankAccount = z.object({
  holder: z.string(),
  bank: z.string(),
  number: z.string(),
  collectionQr: z.string().optional(),
})
export type BankAccount = z.infer<typeof BankAccount>

/** An account waiting for an administrator's check: with the verification request, or a later change. */
export const BankAccountChange = BankAccount.extend({ submittedAt: z.string() })
export type BankAccountChange = z.infer<typeof BankAccountChange>

export const VerificationDetails = z.object({
  status: VerificationStatus,
  licenseNumber: z.string().optional(),
  stall: z.string().optional(),
  contactPhone: z.string().optional(),
  submittedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
})
export type VerificationDetails = z.infer<typeof VerificationDetails>

/** A user as the API shows it: never the password hash. */
export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  status: AccountStatus,
  company: Company,
  createdAt: z.string(),
  /** Suppliers only. */
  verification: VerificationStatus.optional(),
})
export type User = z.infer<typeof User>

export const MeResponse = User.extend({
  /** The language the user chose; absent until they chose one (Chinese, the market's default). */
  locale: Locale.optional(),
  verificationDetails: VerificationDetails.optional(),
  /** Suppliers only: the approved account orders show, and a change waiting for approval. */
  bankAccount: BankAccount.optional(),
  bankAccountChange: BankAccountChange.optional(),
})
export type MeResponse = z.infer<typeof MeResponse>

/** The page's first question, answered 200 either way: a signed-out visit is not an error. */
export const SessionResponse = z.object({ user: MeResponse.nullable() })
export type SessionResponse = z.infer<typeof SessionResponse>

export const VerificationRequestInput = z.strictObject({
  licenseNumber: z.string().trim().regex(values.licenceNumberPattern, 'The business licence number: 6–30 letters or digits'),
  stall: text(120).optional(),
  contactPhone: phone,
  bankAccount: BankAccountInput.optional(),
})
export type VerificationRequestInput = z.infer<typeof VerificationRequestInput>

export const VerificationDecisionInput = z
  .strictObject({ decision: z.enum(values.verificationDecisions), reason: text(values.maxReasonLength).optional() })
  .refine((input) => input.decision === 'approve' || input.reason, { message: 'A rejection needs a reason', path: ['reason'] })
export type VerificationDecisionInput = z.infer<typeof VerificationDecisionInput>

export const ReasonInput = z.strictObject({ reason: text(values.maxReasonLength) })
export type ReasonInput = z.infer<typeof ReasonInput>

export const PendingVerification = z.object({
  /** A supplier asking to be verified, or a verified one changing its bank account. */
  kind: z.enum(values.verificationQueueKinds),
  supplier: User,
  licenseNumber: z.string(),
  stall: z.string().optional(),
  contactPhone: z.string(),
  submittedAt: z.string(),
  /** The account to check, and the one orders show until it is approved. */
  bankAccount: BankAccountChange.optional(),
  currentBankAccount: BankAccount.optional(),
})
export type PendingVerification = z.infer<typeof PendingVerification>

export const PendingVerificationsResponse = z.object({ items: z.array(PendingVerification) })

export const PageQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const UsersQuery = PageQuery.extend({
  role: Role.optional(),
  status: AccountStatus.optional(),
  /**
   * Search: the start of an email, of a word of the company name (or any part of a Chinese or
   * Tibetan one), of a phone number, or its last digits. A search answers its best matches, up to
   * `limit`, on one page.
   */
  q: z.string().trim().min(2).max(60).optional(),
})
export type UsersQuery = z.infer<typeof UsersQuery>

export const UsersPage = z.object({ items: z.array(User), nextCursor: z.string().nullable() })
export type UsersPage = z.infer<typeof UsersPage>

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  /** Names as they were when the action was taken (entries written before names were kept have none). */
  actorName: z.string().optional(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** The target's name in the languages it has one in: a listing's title, a category's name, a company. */
  targetName: LocalizedText.optional(),
  reason: z.string().optional(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })

/** A bound of the log's time filter: a day (China Standard Time, the whole of it) or an instant. */
const auditBound = z.iso.date().or(z.iso.datetime({ offset: true }))

/** The audit log, filtered by any of who, what and on which object, between two times; newest first. */
export const AuditQuery = PageQuery.extend({
  actor: ulid().optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z_.]{0,79}$/, 'An action code, such as listing.suspended')
    .optional(),
  /** An object's id (a user, listing, order, rating, category, or another kind's). */
  target: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,60}$/, 'An object id')
    .optional(),
  from: auditBound.optional(),
  to: auditBound.optional(),
})
export type AuditQuery = z.infer<typeof AuditQuery>

export const IdParam = z.strictObject({ id: ulid() })

export const LocaleInput = z.strictObject({ locale: Locale })
export type LocaleInput = z.infer<typeof LocaleInput>

export const NotificationKind = z.enum(values.notificationKinds)
export type NotificationKind = z.infer<typeof NotificationKind>

/** Which kinds of notification also come by e-mail (none until the user opts in). */
export const NotificationPreferencesInput = z.strictObject({
  emailKinds: z.array(NotificationKind).max(values.notificationKinds.length),
})
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInput>

export const NotificationPreferences = NotificationPreferencesInput.extend({
  /** Mail to the address bounced or was reported as spam: nothing more is sent to it. */
  emailUndeliverable: z.boolean(),
})
export type NotificationPreferences = z.infer<typeof NotificationPreferences>

export const PasswordResetRequestInput = z.strictObject({ email: Email })
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>

export const PasswordResetConfirmInput = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'The link is not a reset link'),
  password: Password,
})
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirmInput>

/** The same answer whether or not the e-mail has an account. */
export const PasswordResetRequested = z.object({ requested: z.literal(true) })
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>
