// The shared styles first: each feature's own stylesheet, imported with its components, comes after and may refine them.
import './styles/tokens.css'
import './styles/base.css'
import './styles/ui.css'
import './styles/tibetan.css'
import { render } from 'hono/jsx/dom'
import { App } from './app.tsx'

const root = document.getElementById('app')
if (root) render(<App />, root)
