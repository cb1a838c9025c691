import type { Page } from 'playwright-core'

/** A failed response the test provokes on purpose, e.g. a wrong password's 401. */
export type ExpectedFailure = { status: number; path: string }

/**
 * Console errors and uncaught exceptions, except Chromium's own "Failed to load resource" line
 * for responses the test expects (Chromium logs every 4xx fetch as a console error, including the
 * ones a form provokes on purpose). Anything else still counts.
 */
export const collectUnexpectedPageErrors = (page: Page, expected: ExpectedFailure[]) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const url = message.location().url
    const isExpected =
      text.startsWith('Failed to load resource') &&
      expected.some(
        (failure) => text.includes(`status of ${failure.status}`) && url !== '' && new URL(url).pathname === failure.path,
      )
    if (!isExpected) errors.push(`${text} (${url})`)
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}
