import './orders.css'

/** Order numbers are ULIDs: the whole id is the bank-transfer reference, so it is always shown in full. */
export const OrderNumber = ({ id }: { id: string }) => (
  <code class="order-number" data-order-number>
    {id}
  </code>
)
