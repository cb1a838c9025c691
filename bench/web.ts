/**
 * Part 6 of `npm run bench`: the web app's script and stylesheet per page, gzipped (web/build.ts's
 * page weights, as `npm run web:budget` reports them), and the first and largest contentful paint
 * of the market and a listing page in headless Chromium, cache off, the median of several loads.
 */
import { launchChromium } from '../test/support/browser.ts'
import { pageWeights } from '../web/build.ts'
import { median, round } from './report.ts'

type BuiltWeb = Parameters<typeof pageWeights>[0]

export const webWeights = async (built: BuiltWeb) =>
  (await pageWeights(built))
    .sort((a, b) => a.page.localeCompare(b.page))
    .map((weight) => ({
      page: weight.page,
      jsGzipBytes: weight.jsGzip,
      cssGzipBytes: weight.cssGzip,
      files: weight.files.length,
    }))

/** FCP and LCP of `path`, each the median of `runs` loads in fresh contexts with the cache disabled. */
const paintsOf = async (
  browser: Awaited<ReturnType<typeof launchChromium>>,
  url: string,
  readySelector: string,
  runs: number,
) => {
  const firstPaints: number[] = []
  const largestPaints: number[] = []
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    try {
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      await page.goto(url, { waitUntil: 'commit' })
      await page.locator(readySelector).first().waitFor({ timeout: 60_000 })
      const paints = await page.evaluate(
        () =>
          new Promise<{ fcp: number; lcp: number }>((done) => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
            // LCP entries are buffered; the last one so far is the largest paint.
            new PerformanceObserver((list) => {
              const entries = list.getEntries()
              done({ fcp, lcp: entries[entries.length - 1]?.startTime ?? Number.NaN })
            }).observe({ type: 'largest-contentful-paint', buffered: true })
            setTimeout(() => done({ fcp, lcp: Number.NaN }), 2000)
          }),
      )
      firstPaints.push(paints.fcp)
      largestPaints.push(paints.lcp)
    } finally {
      await context.close()
    }
  }
  return { firstContentfulPaintMs: round(median(firstPaints)), largestContentfulPaintMs: round(median(largestPaints)) }
}

export const measurePaints = async (baseUrl: string, listingId: string, runs: number) => {
  const browser = await launchChromium()
  try {
    return {
      market: await paintsOf(browser, `${baseUrl}/market`, '[data-listing]', runs),
      listing: await paintsOf(browser, `${baseUrl}/listings/${listingId}`, 'h1', runs),
    }
  } finally {
    await browser.close()
  }
}
