import { createHmac, timingSafeEqual } from 'node:crypto'
import { DomainError } from '@market/core/errors'

/**
 * Pagination cursors: where the next page starts (a DynamoDB LastEvaluatedKey, say), base64url'd
 * and HMAC-signed over that position together with what the cursor belongs to — the query it
 * continues (`binding`) and the request that reads it (`requestScope`: the endpoint and the
 * caller). A client cannot forge a position, and a cursor used by anyone, anywhere else is refused.
 */
export type CursorCodec = {
  encode(position: Record<string, unknown> | undefined, binding: string): Promise<string | null>
  decode(cursor: string | undefined, binding: string): Promise<Record<string, unknown> | undefined>
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid', 'request.invalid_cursor', 'The cursor is not valid; start from the first page')
  }
}

/**
 * `secret` is the session secret's provider: in the cloud it is read from the secret store once.
 * `requestScope` names the request being served (the API's endpoint and caller); none outside one.
 */
export const createCursorCodec = (secret: () => Promise<string>, requestScope: () => string = () => ''): CursorCodec => {
  const sign = async (payload: string, binding: string) =>
    createHmac('sha256', `cursor:${await secret()}`)
      .update(JSON.stringify([payload, binding, requestScope()]))
      .digest()
      .subarray(0, 16)
  return {
    encode: async (position, binding) => {
      if (!position) return null
      const payload = Buffer.from(JSON.stringify(position)).toString('base64url')
      return `${payload}.${(await sign(payload, binding)).toString('base64url')}`
    },
    decode: async (cursor, binding) => {
      if (!cursor) return undefined
      const [payload, signature] = cursor.split('.')
      if (!payload || !signature) throw new InvalidCursorError()
      const given = Buffer.from(signature, 'base64url')
      const expected = await sign(payload, binding)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError()
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
      } catch {
        throw new InvalidCursorError()
      }
    },
  }
}
