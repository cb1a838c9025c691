import { readdir, readFile } from 'node:fs/promises'

/** The command lines of processes that mention `needle` (a data folder names its DynamoDB Local). */
export const processesMentioning = async (needle: string) => {
  const found: string[] = []
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (commandLine.includes(needle)) found.push(commandLine.replaceAll('\0', ' '))
  }
  return found
}
