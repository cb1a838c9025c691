import { resolve } from 'node:path'
import { z } from 'zod'
import { type AwsClientConfig, sessionSecretProblem } from '../config.ts'

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value))

/** Every setting of `npm start`, from the environment only; documented in the README. */
export const LocalConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  TABLE_NAME: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{3,255}$/, '3–255 letters, digits, _ . or -')
    .default('market'),
  /** Use an already running DynamoDB (Local or AWS) instead of starting DynamoDB Local. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Port for the DynamoDB Local child; 0 picks a free one. */
  DYNAMODB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SEED_DEMO_DATA: flag.default(true),
  /** How often the scheduled jobs run (EventBridge runs them every 5 minutes in the cloud). */
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  LOG_LEVEL: z.string().optional(),
  /** Generated once into DATA_DIR when not given. */
  SESSION_SECRET: z
    .string()
    .superRefine((secret, ctx) => {
      const problem = sessionSecretProblem(secret)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Plain HTTP on this machine: a Secure cookie would not come back from a phone on the LAN. */
  COOKIE_SECURE: z.string().default('false'),
  // DynamoDB Local accepts any credentials and region; real ones in the environment win.
  AWS_REGION: z.string().min(1).default('cn-local-1'),
  AWS_ACCESS_KEY_ID: z.string().min(1).default('local'),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).default('local'),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
})
export type LocalConfig = z.output<typeof LocalConfig>

export const readLocalConfig = (env: NodeJS.ProcessEnv): LocalConfig => {
  const result = LocalConfig.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid configuration:\n${problems}`)
  }
  return { ...result.data, DATA_DIR: resolve(result.data.DATA_DIR) }
}

/** The AWS clients of a local market: the DynamoDB at `endpoint`, and the credentials and region of the settings. */
export const localAws = (config: LocalConfig, endpoint: string): AwsClientConfig => ({
  endpoint,
  region: config.AWS_REGION,
  credentials: {
    accessKeyId: config.AWS_ACCESS_KEY_ID,
    secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
    ...(config.AWS_SESSION_TOKEN ? { sessionToken: config.AWS_SESSION_TOKEN } : {}),
  },
})
