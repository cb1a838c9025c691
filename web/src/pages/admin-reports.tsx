import { ConsolePage } from '../admin/console-layout.tsx'
import { ReportedListings } from '../admin/reported-listings.tsx'

export const AdminReportsPage = () => <ConsolePage>{() => <ReportedListings />}</ConsolePage>
