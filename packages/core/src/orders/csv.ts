import type { Order } from '@market/contracts'

const yuan = (fen: number) => (fen / 100).toFixed(2)

/** A CSV field: quoted when it must be, and never read by Excel as a formula. */
const field = (value: string | number) => {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const headers = [
  '订单号 Order number',
  '下单时间 Placed',
  '状态 Status',
  '对方 Counterparty',
  '商品 Item',
  '数量 Quantity',
  '单位 Unit',
  '单价 Unit price (CNY)',
  '总额 Total (CNY)',
  '付款方式 Payment',
  '订单 ID Order id',
  '运费 Freight (CNY)',
  '发票 Invoice',
  '发票抬头 Invoice title',
  '纳税人识别号 Tax number',
]

/** A party's orders as CSV, UTF-8 with a byte-order mark so Excel opens the Chinese correctly. */
export const ordersCsv = (orders: Order[], role: 'buyer' | 'supplier') => {
  const rows = orders.flatMap((order) =>
    order.lines.map((line) =>
      [
        order.orderNumber ?? '',
        order.createdAt,
        order.status,
        role === 'buyer' ? order.supplier.company : order.buyer.company,
        line.title.zh,
        line.quantity,
        line.unit,
        yuan(line.unitPriceFen),
        yuan(order.totalFen),
        order.payment.method ?? '',
        order.id,
        yuan(order.freightFen ?? 0),
        order.invoice?.type ?? 'none',
        order.invoice?.type === 'none' ? '' : (order.invoice?.title ?? ''),
        order.invoice?.type === 'none' ? '' : (order.invoice?.taxNumber ?? ''),
      ]
        .map(field)
        .join(','),
    ),
  )
  return `\uFEFF${[headers.map(field).join(','), ...rows].join('\r\n')}\r\n`
}
