import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'

export type AppSecrets = { SESSION_SECRET: string; STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string }

/**
 * The app's secrets, read once per process: from the environment when set (local runs, tests),
 * else from the Secrets Manager secret the stack names in APP_SECRET_ARN (at the first request
 * of a cold start). A failed read is retried on the next call rather than cached.
 */
export const createSecretSource = (env: NodeJS.ProcessEnv) => {
  let loading: Promise<AppSecrets> | undefined
  const load = async (): Promise<AppSecrets> => {
    if (env.SESSION_SECRET) {
      return {
        SESSION_SECRET: env.SESSION_SECRET,
        STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
      }
    }
    if (!env.APP_SECRET_ARN) throw new Error('Neither SESSION_SECRET nor APP_SECRET_ARN is set')
    const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: env.APP_SECRET_ARN }))
    const secrets = JSON.parse(result.SecretString ?? '{}') as AppSecrets
    if (!secrets.SESSION_SECRET) throw new Error('The app secret has no SESSION_SECRET')
    return secrets
  }
  return () => {
    loading ??= load().catch((error) => {
      loading = undefined
      throw error
    })
    return loading
  }
}
