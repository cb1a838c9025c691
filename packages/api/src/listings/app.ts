import { CategoriesResponse } from '@market/contracts'
import { Catalog } from '@market/core'
import { createGroupApp } from '../app.ts'
import type { ApiDeps } from '../deps.ts'
import { describeRoute } from '../openapi/describe.ts'

export const createListingsApp = (deps: ApiDeps) =>
  createGroupApp(deps).get(
    '/api/categories',
    describeRoute({
      summary: 'Material categories and units, named in Chinese, Tibetan and English',
      tags: ['listings'],
      responses: { 200: { description: 'The taxonomy', schema: CategoriesResponse } },
    }),
    async (c) => c.json(await Catalog.getCatalog(deps), 200),
  )

export type ListingsApp = ReturnType<typeof createListingsApp>
