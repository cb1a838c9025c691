/**
 * How long browsers keep the web app's files, in the cloud (the objects' metadata, which
 * CloudFront passes on: infra/constructs/web-distribution.ts) and under `npm start`
 * (functions/local/origin-app.ts). Plain data, so that both import the one list.
 */
export const webCacheControl = {
  /** A hashed asset never changes under its name: kept for a year without asking again. */
  hashed: 'public, max-age=31536000, immutable',
  /** index.html names the assets of the current build: asked for again every time. */
  other: 'no-cache',
} as const

/** esbuild's `[name]-[hash]` file names under /assets/. */
export const isHashedAsset = (path: string) => /^\/assets\/[^/]+-[A-Z0-9]{8}\.(js|css)$/.test(path)
