import type { CategoriesResponse } from '@market/contracts'
import { localized, useI18n } from '../i18n/i18n.ts'
import { categoryGroupLabel } from './catalog.ts'
import './category-tiles.css'

/** A category to browse; the current one says so. */
export const CategoryTile = ({
  href,
  current,
  category,
  children,
  count,
  data,
}: {
  href: string
  current?: boolean
  category?: CategoriesResponse['categories'][number]
  children?: string
  /** Its listings on the market, written out ("12 件"). */
  count?: string | undefined
  data?: Record<string, string>
}) => {
  const { t, locale } = useI18n()
  return (
    <li>
      <a href={href} class="category-tile" aria-current={current ? 'page' : undefined} {...data}>
        {category && <span class="category-tile__group">{t(categoryGroupLabel(category.group))}</span>}
        {children ?? (category ? localized(locale, category.name) : '')}
        {count && <span class="category-tile__count">{count}</span>}
      </a>
    </li>
  )
}
