import type { CategoriesResponse } from '@market/contracts'
import { crafts } from '@market/contracts/values'
import { translate, useI18n } from '../i18n/i18n.ts'
import { craftLabel } from './catalog.ts'
import './tibetan-glossary.css'

/**
 * Most listings reach Tibetan readers in Chinese only: beside the Tibetan title, a prompt and the
 * material words the market already has in both languages (its categories and crafts), so a
 * supplier can put a Tibetan title together. Open while the Tibetan title is still empty.
 */
export const TibetanGlossary = ({ catalog, empty }: { catalog: CategoriesResponse; empty: boolean }) => {
  const { t } = useI18n()
  const words = [
    ...catalog.categories.flatMap((category) => (category.name.bo ? [{ zh: category.name.zh, bo: category.name.bo }] : [])),
    ...crafts.map((craft) => ({ zh: translate('zh-CN', craftLabel(craft)), bo: translate('bo', craftLabel(craft)) })),
  ]
  return (
    <details class="glossary" open={empty} data-tibetan-glossary>
      <summary>{t('listingForm.glossary.title')}</summary>
      {empty && <p class="field__hint">{t('listingForm.titleBo.prompt')}</p>}
      <dl class="glossary__words">
        {words.map((word) => (
          <div>
            <dt lang="zh-CN">{word.zh}</dt>
            <dd lang="bo">{word.bo}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
