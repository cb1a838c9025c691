import { projectionOf } from '@market/data/items'
import { describe, expect, it } from 'vitest'

describe('projectionOf', () => {
  it('names every attribute by a placeholder, once, keeping map paths and list indexes', () => {
    expect(projectionOf(['status', 'company.name', 'photos[0]', 'name', 'status'])).toEqual({
      ProjectionExpression: '#p0, #p1.#p2, #p3[0], #p2',
      ExpressionAttributeNames: { '#p0': 'status', '#p1': 'company', '#p2': 'name', '#p3': 'photos' },
    })
  })
})
