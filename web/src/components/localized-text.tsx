import type { LocalizedText } from '@market/contracts'
import { type Locale, localized, shownLanguage, useI18n } from '../i18n/i18n.ts'
import './localized-text.css'

/** A small tag saying which language a text is in, when it is not the reader's ("中文", "རྒྱ་ཡིག", "Chinese"). */
export const LanguageTag = ({ lang }: { lang: Locale }) => {
  const { t } = useI18n()
  return (
    <small class="lang-tag" data-lang-tag={lang}>
      {t(`lang.tag.${lang}`)}
    </small>
  )
}

/**
 * Text stored in three languages, in the reader's or else in Chinese. Chinese shown to a Tibetan or
 * English reader says so: `lang` on the element (fonts, screen readers, translation) and a tag.
 */
export const LocalizedTextView = ({ text, tag = true }: { text: LocalizedText; tag?: boolean }) => {
  const { locale } = useI18n()
  const shown = shownLanguage(locale, text)
  if (shown === locale) return <>{localized(locale, text)}</>
  return (
    <>
      <span lang={shown}>{localized(locale, text)}</span>
      {tag && (
        <>
          {' '}
          <LanguageTag lang={shown} />
        </>
      )}
    </>
  )
}
