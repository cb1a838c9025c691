import type { Child } from 'hono/jsx'
import { type Locale, localeNames, locales, useI18n } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/zh-CN.ts'

const navItems: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'nav.home' },
  { path: '/materials', label: 'nav.materials' },
]

const LanguageSwitcher = () => {
  const { locale, setLocale, t } = useI18n()
  return (
    <fieldset class="lang-switch">
      <legend class="visually-hidden">{t('lang.label')}</legend>
      {locales.map((option: Locale) => (
        <button
          type="button"
          lang={option}
          class="lang-switch__option"
          aria-pressed={option === locale ? 'true' : 'false'}
          onClick={() => setLocale(option)}
        >
          {localeNames[option]}
        </button>
      ))}
    </fieldset>
  )
}

export const Layout = ({ path, children }: { path: string; children: Child }) => {
  const { t } = useI18n()
  const isCurrent = (itemPath: string) => (itemPath === '/' ? path === '/' : path.startsWith(itemPath))
  return (
    <div class="shell">
      <header class="site-header">
        <div class="site-header__bar container">
          <a href="/" class="brand">
            <span class="brand__mark" aria-hidden="true">
              ཚོང
            </span>
            <span class="brand__name">{t('app.name')}</span>
          </a>
          <LanguageSwitcher />
        </div>
        <nav class="site-nav container" aria-label={t('nav.label')}>
          {navItems.map((item) => (
            <a href={item.path} class="site-nav__link" aria-current={isCurrent(item.path) ? 'page' : undefined}>
              {t(item.label)}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" class="container main">
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">{t('footer.text')}</div>
      </footer>
    </div>
  )
}
