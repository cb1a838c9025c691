import type { ApiDeps } from '@market/api'
import { Accounts } from '@market/core'
import { ulid } from 'ulid'
import { anOrder } from './orders.ts'

type Ports = Pick<ApiDeps, 'accounts' | 'orders' | 'clock' | 'ids'>

/** A user written straight through the repository (the API path is tested elsewhere); suppliers come verified. */
export const aUser = async (deps: Ports, role: 'buyer' | 'supplier', name: string) => {
  const user = await Accounts.prepareUser(deps, {
    email: `${role}-${ulid().toLowerCase()}@test.example`,
    password: '0123456789',
    name,
    role,
    company: { name: `${name} 公司` },
  })
  const stored = role === 'supplier' ? { ...user, verificationDetails: { status: 'verified' as const } } : user
  await deps.accounts.createUser(stored)
  return stored
}

/** A delivered order between the two, written straight through the repository. */
export const aDeliveredOrder = async (deps: Ports, buyer: Accounts.StoredUser, supplier: Accounts.StoredUser) => {
  const order = anOrder({
    id: ulid(),
    buyer: { id: buyer.id, name: buyer.name, company: buyer.company.name },
    supplier: { id: supplier.id, name: supplier.name, company: supplier.company.name },
    status: 'delivered',
  })
  await deps.orders.place({ order })
  return order
}
