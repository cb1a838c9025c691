import { useState } from 'hono/jsx/dom'

/** One action at a time on a list's rows: which row is busy, and which row's last action failed, and why. */
export const useRowAction = () => {
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<{ id: string; error: unknown } | null>(null)
  const run = async (id: string, action: () => Promise<void>) => {
    setBusy(id)
    setFailure(null)
    try {
      await action()
    } catch (error) {
      setFailure({ id, error })
    } finally {
      setBusy(null)
    }
  }
  return { busy, failure, run }
}
