import { type SecretsConfig, sessionSecretProblem } from './config.ts'

export type AppSecrets = { SESSION_SECRET: string; STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string }

/**
 * The app's secrets, read once per process: as given when a session secret is (local runs,
 * tests), else from the Secrets Manager secret the stack names (at the first request of a cold
 * start; its client is loaded only then, so a function given its secrets never loads it). A failed
 * read is retried on the next call rather than cached.
 */
export const createSecretSource = (config: SecretsConfig) => {
  let loading: Promise<AppSecrets> | undefined
  const load = async (): Promise<AppSecrets> => {
    if (config.sessionSecret) {
      return {
        SESSION_SECRET: config.sessionSecret,
        STRIPE_SECRET_KEY: config.stripeSecretKey,
        STRIPE_WEBHOOK_SECRET: config.stripeWebhookSecret,
      }
    }
    if (!config.appSecretArn) throw new Error('Neither SESSION_SECRET nor APP_SECRET_ARN is set')
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager')
    const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: config.appSecretArn }))
    const secrets = JSON.parse(result.SecretString ?? '{}') as AppSecrets
    if (!secrets.SESSION_SECRET) throw new Error('The app secret has no SESSION_SECRET')
    const problem = sessionSecretProblem(secrets.SESSION_SECRET)
    if (problem) throw new Error(`The app secret's SESSION_SECRET ${problem}`)
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
