import { render } from 'hono/jsx/dom'
import { App } from './app.tsx'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'

const root = document.getElementById('app')
if (root) render(<App />, root)
