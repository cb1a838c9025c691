import type { LocalizedText } from '@market/contracts'
import type { Child } from 'hono/jsx'
import { photoUrl } from '../api/client.ts'
import type { ListingForReview } from '../api/types.ts'
import { StackedTable } from '../components/stacked-table.tsx'
import { fill, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'
import './listing-review.css'

/** All the languages a supplier wrote, so the reviewer reads every one of them. */
export const AllLanguages = ({ text }: { text: LocalizedText }) => (
  <div class="all-langs">
    <p lang="zh-CN">{text.zh}</p>
    {text.bo && <p lang="bo">{text.bo}</p>}
    {text.en && <p lang="en">{text.en}</p>}
  </div>
)

/** A listing's photos as small thumbnails, or that it has none. */
export const Photos = ({ keys }: { keys: string[] }) => {
  const { t } = useI18n()
  return keys.length === 0 ? (
    <span>{t('moderation.noPhotos')}</span>
  ) : (
    <ul class="thumb-row">
      {keys.map((key, index) => (
        <li>
          <img src={photoUrl(key)} alt={fill(t('listing.photoN'), { n: index + 1 })} width={96} height={72} />
        </li>
      ))}
    </ul>
  )
}

/** Pending edits of an active listing, beside what buyers see now. */
export const RevisionTable = ({ listing, category }: { listing: ListingForReview; category: (id: string) => string }) => {
  const { t } = useI18n()
  const revision = listing.revision
  if (!revision) return null
  const rows: { label: MessageKey; current: Child; next: Child }[] = []
  if (revision.title)
    rows.push({
      label: 'moderation.field.title',
      current: <AllLanguages text={listing.title} />,
      next: <AllLanguages text={revision.title} />,
    })
  if (revision.description)
    rows.push({
      label: 'moderation.field.description',
      current: <AllLanguages text={listing.description} />,
      next: <AllLanguages text={revision.description} />,
    })
  if (revision.categoryId)
    rows.push({ label: 'listing.category', current: category(listing.categoryId), next: category(revision.categoryId) })
  if (revision.photos)
    rows.push({ label: 'listingForm.photos', current: <Photos keys={listing.photos} />, next: <Photos keys={revision.photos} /> })
  return (
    <div class="revision" data-revision>
      <p class="revision__title">{t('moderation.revision')}</p>
      <StackedTable columns={[t('moderation.field'), t('moderation.current'), t('moderation.proposed')]}>
        {rows.map((row) => (
          <tr>
            <th scope="row">{t(row.label)}</th>
            <td data-label={t('moderation.current')}>{row.current}</td>
            <td data-label={t('moderation.proposed')} class="revision__new">
              {row.next}
            </td>
          </tr>
        ))}
      </StackedTable>
    </div>
  )
}
