import { RoleGuard } from '../components/role-guard.tsx'
import { OrderScreen } from '../orders/order-detail.tsx'

export const OrderPage = ({ id }: { id: string }) => <RoleGuard>{(me) => <OrderScreen id={id} me={me} />}</RoleGuard>
