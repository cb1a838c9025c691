import { createContext, useContext, useEffect, useState } from 'hono/jsx/dom'

const changeEvent = 'market:navigate'

/** `replace` for redirects, so Back does not return to a page that only redirects again. */
export const navigate = (
  path: string,
  { replace = false, keepScroll = false }: { replace?: boolean; keepScroll?: boolean } = {},
) => {
  if (path === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new Event(changeEvent))
  // A filter change keeps the reader where they are; a new page starts at the top.
  if (!keepScroll) window.scrollTo(0, 0)
}

/**
 * Where the reader is: path and query string, re-rendering on links, back and forward. Only the
 * App listens; pages read the query from SearchContext, so a page that is being left never
 * re-renders on its own in the same tick as the App replaces it.
 */
export const useLocationState = () => {
  const read = () => ({ path: location.pathname, search: location.search })
  const [where, setWhere] = useState(read)
  useEffect(() => {
    const update = () => setWhere(read())
    window.addEventListener('popstate', update)
    window.addEventListener(changeEvent, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(changeEvent, update)
    }
  }, [])
  return where
}

export const SearchContext = createContext('')

/** The query string (`?q=…`), so filters can live in the URL. */
export const useSearch = () => useContext(SearchContext)

/** Matches `/listings/:id` style patterns; returns the params or null. */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const patternParts = pattern.split('/').filter(Boolean)
  const pathParts = path.split('/').filter(Boolean)
  if (patternParts.length !== pathParts.length) return null
  const params: Record<string, string> = {}
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] as string
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual)
    else if (part !== actual) return null
  }
  return params
}

/** Same-origin links navigate in the page; modified clicks (new tab) keep the browser's way. */
export const onLinkClick = (event: MouseEvent) => {
  const anchor = (event.target as HTMLElement | null)?.closest?.('a')
  if (!anchor || anchor.target || anchor.origin !== location.origin || anchor.hasAttribute('download')) return
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  if (anchor.pathname.startsWith('/api/')) return
  event.preventDefault()
  navigate(anchor.pathname + anchor.search)
}
