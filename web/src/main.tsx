// The shared styles first: each feature's own stylesheet, imported with its components, comes after and may refine them.
import './styles/tokens.css'
import './styles/base.css'
import './styles/ui.css'
import './styles/tibetan.css'
import './styles/skeleton.css'
import { render } from 'hono/jsx/dom'
import { App } from './app.tsx'
import { initialLocale, loadLocale } from './i18n/i18n.ts'

const root = document.getElementById('app')
if (root) {
  // The reader's language only, then the app in place of index.html's shell.
  void loadLocale(initialLocale()).then(() => {
    root.replaceChildren()
    render(<App />, root)
  })
}
