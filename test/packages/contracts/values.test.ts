import {
  BidStatus,
  BrowseQuery,
  CreateListingInput,
  DisputeInput,
  OrderStatus,
  OrderStep,
  RegisterInput,
  RfqStatus,
  ShippingAddress,
} from '@market/contracts'
import {
  bidStatuses,
  browseSorts,
  disputeReasons,
  fromPriceFen,
  orderStatuses,
  orderSteps,
  phonePattern,
  rfqStatuses,
  selfRegisteredRoles,
  tierIndexFor,
  tierProblems,
  unitPriceFor,
} from '@market/contracts/values'
import { describe, expect, it } from 'vitest'

const tiers = [
  { minQty: 5, unitPriceFen: 18800 },
  { minQty: 50, unitPriceFen: 16800 },
  { minQty: 200, unitPriceFen: 15000 },
]

describe('the price tiers', () => {
  it('price a quantity at the largest tier it reaches, and name that tier', () => {
    expect(tierIndexFor(tiers, 4)).toBe(-1)
    expect(tierIndexFor(tiers, 49)).toBe(0)
    expect(tierIndexFor(tiers, 50)).toBe(1)
    expect(unitPriceFor(tiers, 10_000)).toBe(15000)
    expect(unitPriceFor(tiers, 4)).toBeUndefined()
    expect(fromPriceFen(tiers)).toBe(15000)
  })

  it('are sorted, never dearer with quantity, and start at or below the MOQ', () => {
    expect(tierProblems(tiers, 5)).toEqual([])
    const problems = tierProblems(
      [
        { minQty: 10, unitPriceFen: 100 },
        { minQty: 10, unitPriceFen: 120 },
      ],
      5,
    )
    expect(problems.map(({ path, rule }) => [path.join('.'), rule])).toEqual([
      ['priceTiers.1.minQty', 'sorted'],
      ['priceTiers.1.unitPriceFen', 'never_dearer'],
      ['priceTiers.0.minQty', 'first_within_moq'],
    ])
  })

  it('leave a value that is not yet a number out of every comparison', () => {
    expect(
      tierProblems(
        [
          { minQty: 10, unitPriceFen: 100 },
          { minQty: Number.NaN, unitPriceFen: Number.NaN },
        ],
        Number.NaN,
      ),
    ).toEqual([])
  })

  it('are the rules the listing schema checks, on the same fields', () => {
    const input = {
      title: { zh: '氆氇' },
      description: { zh: '手工氆氇' },
      categoryId: 'pulu',
      unit: 'm',
      priceTiers: [
        { minQty: 10, unitPriceFen: 100 },
        { minQty: 10, unitPriceFen: 120 },
      ],
      moq: 5,
      stock: 10,
      leadTimeDays: 3,
    }
    const result = CreateListingInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      tierProblems(input.priceTiers, input.moq).map((problem) => problem.path.join('.')),
    )
  })
})

describe('the lists the schemas are made of', () => {
  it('are the enums the API validates with', () => {
    expect(OrderStatus.options).toEqual([...orderStatuses])
    expect(OrderStep.options).toEqual([...orderSteps])
    expect(RfqStatus.options).toEqual([...rfqStatuses])
    expect(BidStatus.options).toEqual([...bidStatuses])
    expect(DisputeInput.shape.reason.options).toEqual([...disputeReasons])
    expect(RegisterInput.shape.role.options).toEqual([...selfRegisteredRoles])
    for (const sort of browseSorts) expect(BrowseQuery.safeParse({ sort }).success).toBe(true)
  })

  it('include the phone pattern the delivery address is checked with', () => {
    const address = (phone: string) => ShippingAddress.safeParse({ name: '拉姆', phone, address: '拉萨' }).success
    for (const phone of ['13908905678', '+86 891 633 1234', '12345']) expect(address(phone)).toBe(phonePattern.test(phone))
  })
})
