import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Accounts, Catalog } from '@market/core'
import { createAccountRepository, createCategoryRepository, createCursorCodec, createSeedMarkerRepository } from '@market/data'
import { monotonicFactory } from 'ulid'

/** The demo sign-ins `npm start` prints on the first start (demo data only: change them for real use). */
export const demoAccounts = {
  admin: { email: 'admin@lhasa-market.local', password: 'lhasa-admin-2026' },
  supplier: { email: 'tsering@barkhor-wool.example', password: 'demo-supplier-2026' },
  buyer: { email: 'lhamo@lhasa-tailor.example', password: 'demo-buyer-2026' },
} as const

/**
 * Demo data for a first start: the material taxonomy, an administrator, a verified supplier from
 * the Barkhor and a garment workshop. Later domains add listings and RFQs. Returns false when the
 * table was seeded before.
 */
export const seedDemoData = async (db: DynamoDBDocumentClient, table: string, now = new Date()): Promise<boolean> => {
  const marker = createSeedMarkerRepository(db, table)
  if (await marker.seededAt()) return false
  const categories = createCategoryRepository(db, table)
  for (const category of Catalog.defaultCategories) await categories.putCategory(category)

  // The seed never pages through lists, so its repository needs no cursor secret.
  const accounts = createAccountRepository(
    db,
    table,
    createCursorCodec(() => Promise.reject(new Error('not paginated'))),
  )
  const nextId = monotonicFactory()
  const deps = { clock: { now: () => now }, ids: { next: () => nextId() } }
  const existing = await accounts.findUserByEmail(demoAccounts.admin.email)
  if (!existing) {
    await accounts.createUser(
      await Accounts.prepareUser(deps, {
        ...demoAccounts.admin,
        name: '卓玛 (市场管理员)',
        role: 'admin',
        company: { name: '拉萨服装原辅料交易市场' },
      }),
    )
    const supplier = await Accounts.prepareUser(deps, {
      ...demoAccounts.supplier,
      name: '次仁',
      role: 'supplier',
      company: { name: '八廓街次仁羊毛氆氇店', phone: '0891-6321234', address: '拉萨市城关区八廓街 32 号' },
    })
    await accounts.createUser({
      ...supplier,
      verificationDetails: {
        status: 'verified',
        licenseNumber: '91540100MA6T000001',
        stall: '冲赛康市场 A-12',
        contactPhone: '13908901234',
        submittedAt: now.toISOString(),
        decidedAt: now.toISOString(),
      },
    })
    await accounts.createUser(
      await Accounts.prepareUser(deps, {
        ...demoAccounts.buyer,
        name: '拉姆',
        role: 'buyer',
        company: { name: '拉萨拉姆藏装加工坊', phone: '13989001234', address: '拉萨市城关区林廓南路 8 号' },
      }),
    )
  }
  await marker.markSeeded(now.toISOString())
  return true
}
