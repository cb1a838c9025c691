import { ConsolePage } from '../admin/console-layout.tsx'
import { RatingQueue } from '../ratings/rating-queue.tsx'

export const AdminRatingsPage = () => <ConsolePage>{() => <RatingQueue />}</ConsolePage>
