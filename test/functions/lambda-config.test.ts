import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { readLambdaConfig } from '../../functions/config.ts'
import { createSecretSource } from '../../functions/secrets.ts'

const secretsManager = mockClient(SecretsManagerClient)
afterEach(() => secretsManager.reset())

describe('Lambda configuration', () => {
  it('reads the environment the stack gives', () => {
    expect(readLambdaConfig({ TABLE_NAME: 'market', APP_SECRET_ARN: 'arn:secret' })).toMatchObject({
      tableName: 'market',
      secrets: { appSecretArn: 'arn:secret' },
    })
  })

  it('refuses a SESSION_SECRET shorter than 32 bytes, naming it', () => {
    expect(() => readLambdaConfig({ TABLE_NAME: 'market', SESSION_SECRET: 's'.repeat(31) })).toThrow(/SESSION_SECRET.*32 bytes/)
    expect(readLambdaConfig({ TABLE_NAME: 'market', SESSION_SECRET: 's'.repeat(32) }).secrets.sessionSecret).toHaveLength(32)
  })

  it('refuses an app secret whose SESSION_SECRET is shorter than 32 bytes', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ SESSION_SECRET: 'short' }) })
    await expect(createSecretSource({ appSecretArn: 'arn:secret' })()).rejects.toThrow(/SESSION_SECRET.*32 bytes/)
  })

  it('reads an app secret that will do', async () => {
    const secret = { SESSION_SECRET: 'k'.repeat(64), STRIPE_SECRET_KEY: 'unset' }
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(secret) })
    expect(await createSecretSource({ appSecretArn: 'arn:secret' })()).toEqual(secret)
  })
})
