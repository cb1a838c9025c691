import { RoleGuard } from '../components/role-guard.tsx'
import { OwnListings } from '../listings/own-listings.tsx'

export const SupplierListingsPage = () => <RoleGuard only="supplier">{() => <OwnListings />}</RoleGuard>
