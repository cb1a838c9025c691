import type { Child } from 'hono/jsx'
import { useEffect, useState } from 'hono/jsx/dom'
import { ErrorState, Loading } from './states.tsx'

type PageComponent<P> = (props: P) => Child

/**
 * A page whose module is fetched the first time it is shown (esbuild splits each into a chunk):
 * the loading state meanwhile, the error state with a retry if the chunk cannot be fetched.
 */
export const lazyPage = <P extends object>(load: () => Promise<PageComponent<P>>) => {
  let loaded: PageComponent<P> | undefined
  let loading: Promise<PageComponent<P>> | undefined
  return (props: P) => {
    const [, setReady] = useState(false)
    const [failure, setFailure] = useState<unknown>(null)
    const [attempt, setAttempt] = useState(0)
    useEffect(() => {
      if (loaded) return
      let live = true
      loading ??= load()
      loading.then(
        (component) => {
          loaded = component
          if (live) setReady(true)
        },
        (error) => {
          loading = undefined
          if (live) setFailure(error)
        },
      )
      return () => {
        live = false
      }
    }, [attempt])
    if (loaded) {
      const Page = loaded
      return <Page {...props} />
    }
    if (failure) {
      return (
        <ErrorState
          error={failure}
          onRetry={() => {
            setFailure(null)
            setAttempt((n) => n + 1)
          }}
        />
      )
    }
    return <Loading />
  }
}
