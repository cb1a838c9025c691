/**
 * The security headers of every response a browser gets from the market — the web app, the API
 * and the photos — in the cloud (CloudFront's response headers policy, built from this list in
 * infra/constructs/web-distribution.ts) and under `npm start` (functions/local/origin-app.ts).
 * Plain data, so that both import the one list.
 */
export const securityPolicy = {
  /**
   * Scripts and styles only from the app's own files (index.html loads one of each, and nothing
   * is inline), no plugins, no framing by anyone. `uploadOrigin` is where the browser PUTs photos
   * when that is not the page's own origin (the photos bucket's S3 endpoint, in the cloud).
   */
  contentSecurityPolicy: (uploadOrigin?: string) =>
    [
      "default-src 'self'",
      // Payment goes through a redirect to Stripe Checkout, so no Stripe script or frame is allowed here.
      "script-src 'self'",
      "style-src 'self'",
      `connect-src 'self'${uploadOrigin ? ` ${uploadOrigin}` : ''}`,
      // data: for the empty favicon, blob: for the preview of a photo being uploaded.
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  /** A year, subdomains included. Browsers ignore it over plain HTTP (`npm start` on this machine). */
  strictTransportSecurity: { maxAgeSeconds: 365 * 24 * 3600, includeSubdomains: true },
  /** Photos, like everything else, are taken for the type they are served as, never sniffed. */
  contentTypeOptions: 'nosniff',
  /** For browsers older than frame-ancestors. */
  frameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
} as const

/** The policy as response headers, by name. */
export const securityHeaders = (uploadOrigin?: string): Record<string, string> => {
  const { maxAgeSeconds, includeSubdomains } = securityPolicy.strictTransportSecurity
  return {
    'Content-Security-Policy': securityPolicy.contentSecurityPolicy(uploadOrigin),
    'Strict-Transport-Security': `max-age=${maxAgeSeconds}${includeSubdomains ? '; includeSubDomains' : ''}`,
    'X-Content-Type-Options': securityPolicy.contentTypeOptions,
    'X-Frame-Options': securityPolicy.frameOptions,
    'Referrer-Policy': securityPolicy.referrerPolicy,
  }
}
