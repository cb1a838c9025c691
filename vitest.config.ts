import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { LOG_LEVEL: 'warn' },
    // One DynamoDB Local (in memory) for the whole run; each suite makes its own table.
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: a browser journey on a loaded 2-core machine can take a minute; a hung test still ends.
    testTimeout: 120_000,
    // A busy 2-core CI machine may take seconds to render a page: every expect.poll waits for its
    // condition up to this bound rather than Vitest's default of one second.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
    // Two cores here: one worker per core keeps the JVM and Chromium from starving each other.
    maxWorkers: 2,
  },
})
