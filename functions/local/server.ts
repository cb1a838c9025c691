import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { type RouteGroup, routeGroups } from '../route-map.ts'
import { createLocalApp } from './local-app.ts'

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

export type RunningServer = { url: string; close: () => Promise<void> }

export const serveMarket = async ({
  port,
  host,
  webDir,
}: {
  port: number
  host: string
  webDir: string
}): Promise<RunningServer> => {
  const app = createLocalApp({ groups: routeGroups, apps: await loadGroupApps(), webDir })
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolveServer({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
    server.once('error', reject)
  })
}
