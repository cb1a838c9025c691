import { useCallback, useEffect, useRef, useState } from 'hono/jsx/dom'

/** `total`: how many the first page stands for, where the API says (exact, or at least). */
export type Total = { count: number; atLeast: boolean }
export type Page<T> = { items: T[]; nextCursor: string | null; total?: Total }

/** The query of one page: its size, and where the last page left off. */
export const pageQuery = (limit: number, cursor: string | undefined) => ({ limit: String(limit), ...(cursor ? { cursor } : {}) })

export type Paged<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; reload: () => void }
  | {
      state: 'ready'
      items: T[]
      total: Total | undefined
      hasMore: boolean
      loadingMore: boolean
      moreError: unknown
      loadMore: () => void
      reload: () => void
    }

/** A cursor-paged list: the first page loads (again) when `key` changes, later pages append. */
export const usePaged = <T>(load: (cursor: string | undefined) => Promise<Page<T>>, key: unknown[] = []): Paged<T> => {
  const [state, setState] = useState<'loading' | 'error' | 'ready'>('loading')
  const [error, setError] = useState<unknown>(null)
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [total, setTotal] = useState<Total | undefined>(undefined)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  // Bumped on every first-page load, so a late "more" page of an old filter is dropped.
  const generation = useRef(0)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    let current = true
    setState('loading')
    setMoreError(null)
    generation.current += 1
    load(undefined).then(
      (page) => {
        if (!current) return
        setItems(page.items)
        setTotal(page.total)
        setCursor(page.nextCursor)
        setState('ready')
      },
      (failure) => {
        if (!current) return
        setError(failure)
        setState('error')
      },
    )
    return () => {
      current = false
    }
  }, [...key, attempt])

  const loadMore = () => {
    if (!cursor || loadingMore) return
    const startedIn = generation.current
    setLoadingMore(true)
    setMoreError(null)
    load(cursor)
      .then(
        (page) => {
          if (startedIn !== generation.current) return
          setItems((existing) => [...existing, ...page.items])
          setCursor(page.nextCursor)
        },
        (failure) => setMoreError(failure),
      )
      .finally(() => setLoadingMore(false))
  }

  if (state === 'loading') return { state }
  if (state === 'error') return { state, error, reload }
  return { state, items, total, hasMore: cursor !== null, loadingMore, moreError, loadMore, reload }
}
