import { createHmac, timingSafeEqual } from 'node:crypto'
import { DomainError } from '@market/core'

/**
 * Pagination cursors: the DynamoDB LastEvaluatedKey, base64url'd and HMAC-signed, so clients
 * cannot forge a key to read another partition or craft an index position.
 */
export type CursorCodec = {
  encode(key: Record<string, unknown> | undefined): Promise<string | null>
  decode(cursor: string | undefined): Promise<Record<string, unknown> | undefined>
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid', 'request.invalid_cursor', 'The cursor is not valid; start from the first page')
  }
}

/** `secret` is the session secret's provider: in the cloud it is read from the secret store once. */
export const createCursorCodec = (secret: () => Promise<string>): CursorCodec => {
  const sign = async (payload: string) =>
    createHmac('sha256', `cursor:${await secret()}`)
      .update(payload)
      .digest()
      .subarray(0, 16)
  return {
    encode: async (key) => {
      if (!key) return null
      const payload = Buffer.from(JSON.stringify(key)).toString('base64url')
      return `${payload}.${(await sign(payload)).toString('base64url')}`
    },
    decode: async (cursor) => {
      if (!cursor) return undefined
      const [payload, signature] = cursor.split('.')
      if (!payload || !signature) throw new InvalidCursorError()
      const given = Buffer.from(signature, 'base64url')
      const expected = await sign(payload)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError()
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
      } catch {
        throw new InvalidCursorError()
      }
    },
  }
}
