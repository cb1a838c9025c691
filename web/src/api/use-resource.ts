import { useCallback, useEffect, useState } from 'hono/jsx/dom'

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void }

/** Loads data for a page and re-loads when `key` changes; stale answers are dropped. */
export const useResource = <T>(load: () => Promise<T>, key: unknown[] = []): Resource<T> => {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  useEffect(() => {
    let current = true
    setResource({ state: 'loading' })
    load().then(
      (data) => current && setResource({ state: 'ready', data, reload }),
      (error) => current && setResource({ state: 'error', error, reload }),
    )
    return () => {
      current = false
    }
  }, [...key, attempt])
  return resource
}
