import { Orders } from '@market/core'
import { describe, expect, it } from 'vitest'
import { anOrder } from '../../support/orders.ts'

const rowsOf = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1)

describe('the orders CSV export', () => {
  it('starts with a byte-order mark and ends every line with CRLF, so Excel reads the Chinese', () => {
    const csv = Orders.ordersCsv([anOrder()], 'buyer')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(
      csv
        .slice(1)
        .split('\n')
        .every((line) => line === '' || line.endsWith('\r')),
    ).toBe(true)
  })

  it('writes one row per order line with the counterparty of the reader, prices in yuan', () => {
    const order = anOrder({ orderNumber: 'LS-20260301-0007', payment: { method: 'bank_transfer' } })
    const [header, buyerRow] = rowsOf(Orders.ordersCsv([order], 'buyer'))
    expect(header?.split(',')).toHaveLength(15)
    expect(buyerRow).toBe(
      `LS-20260301-0007,2026-03-01T08:00:00.000Z,pending_payment,八廓街羊毛行,牦牛绒混纺面料,60,m,168.00,10080.00,bank_transfer,${order.id},0.00,none,,`,
    )
    const [, supplierRow] = rowsOf(Orders.ordersCsv([order], 'supplier'))
    expect(supplierRow?.split(',')[3]).toBe('拉萨拉姆藏装加工坊')
  })

  it('gives the freight and whom the invoice is made out to, for the books', () => {
    const order = anOrder({
      freightFen: 3500,
      totalFen: 10080 * 100 + 3500,
      invoice: { type: 'special', title: '拉萨拉姆藏装加工坊', taxNumber: '91540100MA6T000X1Y' },
    })
    const [, row] = rowsOf(Orders.ordersCsv([order], 'buyer'))
    expect(row?.split(',').slice(-4)).toEqual(['35.00', 'special', '拉萨拉姆藏装加工坊', '91540100MA6T000X1Y'])
  })

  it('leaves the payment method empty until there is one', () => {
    const [, row] = rowsOf(Orders.ordersCsv([anOrder()], 'buyer'))
    expect(row).toContain(',10080.00,,')
  })

  it('quotes fields with commas, quotes and line breaks', () => {
    const order = anOrder({ supplier: { id: 'S', name: 'S', company: '次仁, "八廓街"\n羊毛行' } })
    const csv = Orders.ordersCsv([order], 'buyer')
    expect(csv).toContain(',"次仁, ""八廓街""\n羊毛行",')
  })

  it('never lets Excel read a field as a formula', () => {
    const order = anOrder({ buyer: { id: 'B', name: 'B', company: '=HYPERLINK("http://evil.example")' } })
    const csv = Orders.ordersCsv([order], 'supplier')
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"")",`)
    for (const start of ['+', '-', '@']) {
      const [, row] = rowsOf(Orders.ordersCsv([anOrder({ buyer: { id: 'B', name: 'B', company: `${start}1` } })], 'supplier'))
      expect(row?.split(',')[3]).toBe(`'${start}1`)
    }
  })

  it('is just the header for no orders', () => {
    expect(rowsOf(Orders.ordersCsv([], 'buyer'))).toHaveLength(1)
  })
})
