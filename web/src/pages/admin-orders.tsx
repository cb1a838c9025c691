import { ConsolePage } from '../admin/console-layout.tsx'
import { OrderDesk } from '../admin/order-desk.tsx'

export const AdminOrdersPage = () => <ConsolePage>{() => <OrderDesk />}</ConsolePage>
