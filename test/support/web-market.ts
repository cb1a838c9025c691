import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemoData } from '../../functions/local/seed.ts'
import { savePhotoIn, serveMarket } from '../../functions/local/server.ts'
import { buildWeb } from '../../web/build.ts'
import { createTestTable, testLocalMarketConfig } from './dynamo.ts'

/** The market as `npm start` serves it, on a fresh table with all the demo data and photos, for HTTP and browser tests. */
export const serveTestMarket = async (prefix: string) => {
  const table = await createTestTable(prefix)
  const objectsDir = await mkdtemp(join(tmpdir(), 'market-objects-'))
  await seedDemoData(table.db, table.tableName, { savePhoto: savePhotoIn(objectsDir) })
  const webDir = await mkdtemp(join(tmpdir(), 'market-web-'))
  await buildWeb({ outDir: webDir })
  const server = await serveMarket({
    port: 0,
    host: '127.0.0.1',
    webDir,
    config: testLocalMarketConfig(table.tableName, objectsDir),
  })
  return { ...table, server }
}
