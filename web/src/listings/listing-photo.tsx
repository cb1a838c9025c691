import { photoUrl } from '../api/client.ts'
import './listing-photo.css'

/** A listing's photo, or a woven placeholder naming the category when there is none. */
export const ListingPhoto = ({ photo, label, alt = '' }: { photo?: string | undefined; label: string; alt?: string }) =>
  photo ? (
    <img class="listing-photo" src={photoUrl(photo)} alt={alt} loading="lazy" width={480} height={360} />
  ) : (
    <div class="listing-photo listing-photo--none" aria-hidden="true">
      <span>{label}</span>
    </div>
  )
