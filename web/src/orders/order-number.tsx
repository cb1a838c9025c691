import type { Order } from '@market/contracts'
import './orders.css'

/**
 * An order's short number (LS-YYYYMMDD-NNNNNN): what people read out, search and write as a
 * transfer's memo. Orders from before numbers were given show their id.
 */
export const OrderNumber = ({ order }: { order: Pick<Order, 'id' | 'orderNumber'> }) => (
  <code class="order-number" data-order-number>
    {order.orderNumber ?? order.id}
  </code>
)
