import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { type RouteGroup, routeGroups } from '../route-map.ts'
import { freePort } from './dynamodb-local.ts'
import { createOriginApp } from './origin-app.ts'
import { createPhotoBucket, photoBucketPath, writePhotoObject } from './photo-bucket.ts'

export const projectRoot = resolve(import.meta.dirname, '../..')

type GroupEntry = { app: { fetch: (request: Request) => Response | Promise<Response> } }

/**
 * Imports every group's Lambda entry and mounts the very `app` its handler wraps. The entries
 * read TABLE_NAME and the DynamoDB endpoint from the environment, so set those first.
 */
export const loadGroupApps = async (groups: RouteGroup[] = routeGroups) => {
  const apps = new Map<string, GroupEntry['app']>()
  for (const group of groups) {
    const entry = (await import(pathToFileURL(join(projectRoot, group.entry)).href)) as GroupEntry
    apps.set(group.name, entry.app)
  }
  return apps
}

export const localObjectsDir = (dataDir: string) => join(dataDir, 'objects')
export const localPhotosBucket = () => {
  process.env.PHOTOS_BUCKET ??= 'photos'
  return process.env.PHOTOS_BUCKET
}

/** Saves a photo where the local photo store serves it from (the demo seed's photos). */
export const saveLocalPhoto = (dataDir: string) => (key: string, bytes: Buffer) =>
  writePhotoObject(localObjectsDir(dataDir), localPhotosBucket(), key, bytes)

/**
 * Points the apps' S3 client at the local photo store of a server at `origin` (before the entries
 * are imported) and returns that store. Photos live under `dataDir/objects`.
 */
export const useLocalPhotoStore = (origin: string, dataDir: string) => {
  process.env.S3_ENDPOINT = `${origin}${photoBucketPath}`
  return createPhotoBucket({
    dir: localObjectsDir(dataDir),
    bucket: localPhotosBucket(),
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '' },
  })
}

export type RunningServer = { url: string; close: () => Promise<void> }

export const serveMarket = async (options: {
  port: number
  host: string
  webDir: string
  dataDir: string
}): Promise<RunningServer> => {
  // The port must be known before the apps load: presigned photo URLs name it.
  const port = options.port || (await freePort())
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`
  const photoStore = useLocalPhotoStore(url, options.dataDir)
  const app = createOriginApp({ groups: routeGroups, apps: await loadGroupApps(), webDir: options.webDir, photoStore })
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: options.host }, () => {
      resolveServer({ url, close: () => new Promise((done) => server.close(() => done())) })
    })
    server.once('error', reject)
  })
}
