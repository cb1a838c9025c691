const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Reads change nothing: suspended accounts may make them, and they need no cross-site check. */
export const isSafeMethod = (method: string) => safeMethods.has(method)
