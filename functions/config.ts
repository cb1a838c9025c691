import type { Accounts } from '@market/core'

/** Where an AWS client connects, and as whom; unset fields are left to the SDK (Lambda's own role and region). */
export type AwsClientConfig = {
  endpoint?: string
  region?: string
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
}

/** The app's secrets: given as they are (local runs, tests), or read from Secrets Manager (Lambda). */
export type SecretsConfig = {
  sessionSecret?: string
  stripeSecretKey?: string
  stripeWebhookSecret?: string
  /** Read once per process when no session secret is given. */
  appSecretArn?: string
}

/** Where the market's e-mail goes: the local outbox (`npm start`, tests) or Amazon SES (the cloud). */
export type MailConfig = { adapter: 'local' } | { adapter: 'ses'; from: string; configurationSet?: string; aws?: AwsClientConfig }

/** Everything the market's functions are built from. Lambda reads it from its environment; `npm start` and the tests assemble it. */
export type MarketConfig = {
  tableName: string
  dynamodb: AwsClientConfig
  photos: AwsClientConfig & { bucket: string }
  secrets: SecretsConfig
  /** Secure cookies everywhere but plain-HTTP local development. */
  cookieSecure: boolean
  /** `info` logs every request; unknown values count as `info`. */
  logLevel: string | undefined
  /** Where e-mail goes (the local outbox unless set) and the site its links point to. */
  mail?: MailConfig
  siteUrl?: string
  /** Tests only: a lower scrypt cost for the passwords they hash; the market keeps its own (Accounts.passwordCost). */
  passwordCost?: Accounts.PasswordCost
}

/** Session tokens and cursors are signed with HMAC-SHA256: a key shorter than its 32-byte hash weakens them. */
export const minSessionSecretBytes = 32

/** Why a session secret will not do; undefined when it will. */
export const sessionSecretProblem = (secret: string) =>
  Buffer.byteLength(secret) < minSessionSecretBytes
    ? `must be at least ${minSessionSecretBytes} bytes, not ${Buffer.byteLength(secret)}`
    : undefined

/** The configuration the stack gives each function in its environment (see infra/constructs). */
export const readLambdaConfig = (env: NodeJS.ProcessEnv): MarketConfig => {
  if (!env.TABLE_NAME) throw new Error('TABLE_NAME is not set')
  const secretProblem = env.SESSION_SECRET === undefined ? undefined : sessionSecretProblem(env.SESSION_SECRET)
  if (secretProblem) throw new Error(`SESSION_SECRET ${secretProblem}`)
  return {
    tableName: env.TABLE_NAME,
    dynamodb: {},
    photos: { bucket: env.PHOTOS_BUCKET ?? 'photos', ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}) },
    secrets: {
      sessionSecret: env.SESSION_SECRET,
      stripeSecretKey: env.STRIPE_SECRET_KEY,
      stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
      appSecretArn: env.APP_SECRET_ARN,
    },
    cookieSecure: env.COOKIE_SECURE !== 'false',
    logLevel: env.LOG_LEVEL,
    ...(env.MAIL_FROM
      ? {
          mail: {
            adapter: 'ses' as const,
            from: env.MAIL_FROM,
            ...(env.MAIL_CONFIGURATION_SET ? { configurationSet: env.MAIL_CONFIGURATION_SET } : {}),
          },
        }
      : {}),
    ...(env.SITE_URL ? { siteUrl: env.SITE_URL } : {}),
  }
}
