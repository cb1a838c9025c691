import { describe, expect, it } from 'vitest'
import { readLocalConfig } from '../../functions/local/config.ts'

describe('npm start configuration', () => {
  it('has working defaults', () => {
    const config = readLocalConfig({})
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      TABLE_NAME: 'market',
      SEED_DEMO_DATA: true,
      DYNAMODB_PORT: 0,
    })
    expect(config.DATA_DIR).toMatch(/\/\.data$/)
  })

  it('reads the environment', () => {
    expect(
      readLocalConfig({
        PORT: '8080',
        SEED_DEMO_DATA: 'false',
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      }),
    ).toMatchObject({
      PORT: 8080,
      SEED_DEMO_DATA: false,
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
    })
  })

  it('takes a session secret of 32 bytes', () => {
    expect(readLocalConfig({ SESSION_SECRET: '拉萨'.repeat(6) }).SESSION_SECRET).toBe('拉萨'.repeat(6))
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ TABLE_NAME: 'ab' }, 'TABLE_NAME'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA'],
    [{ DYNAMODB_ENDPOINT: 'not a url' }, 'DYNAMODB_ENDPOINT'],
    // 31 bytes: too short a key for HMAC-SHA256 session tokens.
    [{ SESSION_SECRET: 'x'.repeat(31) }, 'SESSION_SECRET'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => readLocalConfig(env)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}`))
  })
})
