import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { documentedRoutes } from '@market/api'
import { tableDefinition } from '@market/data/table-definition'
import { App, Aspects } from 'aws-cdk-lib'
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions'
import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildGroupApps } from '../../functions/group-apps.ts'
import { gatewayRoutePaths, groupForPath, type RouteGroup, routeGroups } from '../../functions/route-map.ts'
import { securityHeaders } from '../../functions/security-headers.ts'
import { webCacheControl } from '../../functions/web-caching.ts'
import { MarketStack } from '../../infra/stacks/market-stack.ts'
import { fakeDeps } from '../support/fake-deps.ts'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }

// Each synthesis stages ~20 MB of CDK's own handler assets: keep them in one scratch folder.
const scratch = mkdtempSync(join(tmpdir(), 'market-infra-test-'))
process.env.TMPDIR = scratch
const webAssetDir = join(scratch, 'web')
mkdirSync(webAssetDir)
writeFileSync(join(webAssetDir, 'index.html'), '<!doctype html><title>test</title>')

/** Synthesizes the stack as `cdk synth` would (same feature flags, cdk-nag on), minus esbuild. */
const synthesize = (name: string, groups?: RouteGroup[]) => {
  const app = new App({
    outdir: join(scratch, name),
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
  })
  const stack = new MarketStack(app, name, { projectRoot, webAssetDir, routeGroups: groups })
  Aspects.of(app).add(new AwsSolutionsChecks())
  return { stack, template: Template.fromStack(stack) }
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>
type Statement = { Action: string | string[]; Resource: unknown }

const asArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value])

/** The logical id of the function a route's integration invokes. */
const functionOfRoute = (resources: Resources, routeKey: string) => {
  const route = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === routeKey)
  if (!route) return undefined
  const target = JSON.stringify(route.Properties.Target)
  const integrationId = Object.keys(resources).find((id) => target.includes(`"${id}"`))
  const integration = integrationId ? resources[integrationId] : undefined
  const uri = JSON.stringify(integration?.Properties.IntegrationUri)
  return Object.keys(resources).find((id) => resources[id]?.Type === 'AWS::Lambda::Function' && uri.includes(`"${id}"`))
}

/**
 * The route API Gateway picks for a request path, by its documented priorities: a full match
 * before a greedy `{proxy+}` one, and among those the most specific (literal segments before path
 * variables, then the longer route).
 */
const gatewayRouteFor = (resources: Resources, path: string) => {
  const given = path.split('/').filter(Boolean)
  const candidates = Object.values(resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((r) => r.Properties.RouteKey as string)
    .map((key) => {
      const template = key.replace(/^ANY /, '').split('/').filter(Boolean)
      const greedy = template.at(-1) === '{proxy+}'
      const fixed = greedy ? template.slice(0, -1) : template
      const fits = greedy ? given.length > fixed.length : given.length === fixed.length
      const matches = fits && fixed.every((segment, index) => segment.startsWith('{') || segment === given[index])
      return { key, greedy, rank: fixed.map((segment) => (segment.startsWith('{') ? 1 : 2)), matches }
    })
    .filter((candidate) => candidate.matches)
  const moreSpecific = (a: (typeof candidates)[number], b: (typeof candidates)[number]) => {
    if (a.greedy !== b.greedy) return a.greedy ? 1 : -1
    for (let index = 0; index < Math.min(a.rank.length, b.rank.length); index++) {
      if (a.rank[index] !== b.rank[index]) return (b.rank[index] as number) - (a.rank[index] as number)
    }
    return b.rank.length - a.rank.length
  }
  return candidates.sort(moreSpecific)[0]?.key
}

/** Every IAM action the function of a route group may take. */
const actionsOf = (group: RouteGroup) => {
  const fn = resources[functionOfRoute(resources, `ANY ${gatewayRoutePaths(group.prefixes[0] as string)[0]}`) ?? '']
  expect(fn, group.name).toBeDefined()
  const role = JSON.stringify((fn?.Properties.Role as { 'Fn::GetAtt': string[] } | undefined)?.['Fn::GetAtt'][0])
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(role))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement.flatMap((s) => asArray(s.Action)))
}

const functionIdOf = (group: RouteGroup) =>
  `${group.name.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase())}Function`

/**
 * A group added to the map: one plain prefix, and a parameterised one below the ratings'
 * `/api/suppliers/:id`, beside the accounts' and listings' `/api/suppliers/me…`.
 */
const extraGroup: RouteGroup = {
  name: 'extra-test-group',
  prefixes: ['/api/extra', '/api/suppliers/:id/extra'],
  entry: 'functions/meta.ts',
  access: 'readwrite',
  photos: true,
}

let main: ReturnType<typeof synthesize>
let extended: ReturnType<typeof synthesize>
let resources: Resources

beforeAll(() => {
  main = synthesize('MarketTest')
  extended = synthesize('MarketExtendedTest', [...routeGroups, extraGroup])
  resources = main.template.toJSON().Resources as Resources
}, 120_000)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the market stack', () => {
  it('builds the table from the shared definition: on-demand, PITR, deletion protection, TTL, GSIs', () => {
    const gsis = tableDefinition.globalSecondaryIndexes
    main.template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1)
    main.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: gsis.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    })
    const table = Object.values(resources).find((r) => r.Type === 'AWS::DynamoDB::GlobalTable')
    expect(table?.Properties.StreamSpecification).toBeUndefined()
  })

  it('has one Node.js 22 arm64 function per route group, plus the jobs function, with JSON logs', () => {
    main.template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Runtime: 'nodejs22.x', Architectures: ['arm64'], LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }) },
      routeGroups.length + 1,
    )
    for (const group of routeGroups) {
      main.template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(`^Route group ${group.name}:`),
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), APP_SECRET_ARN: Match.anyValue() }) },
      })
    }
  })

  it('starts no function with source maps enabled: they slow every cold start and error path', () => {
    const functions = Object.values(main.template.findResources('AWS::Lambda::Function'))
    const options = functions.map((fn) => fn.Properties?.Environment?.Variables?.NODE_OPTIONS ?? '')
    expect(options.filter((value: string) => value.includes('source-maps'))).toEqual([])
  })

  it('wires every prefix of the route map, and everything below it, to its group function', () => {
    for (const group of routeGroups) {
      const owners = group.prefixes.flatMap(gatewayRoutePaths).map((path) => functionOfRoute(resources, `ANY ${path}`))
      expect(
        owners.every((id) => id !== undefined),
        `routes of ${group.name}`,
      ).toBe(true)
      expect(new Set(owners).size, `one function serves ${group.name}`).toBe(1)
    }
    const groupFunctions = routeGroups.map((group) =>
      functionOfRoute(resources, `ANY ${gatewayRoutePaths(group.prefixes[0])[0]}`),
    )
    expect(new Set(groupFunctions).size).toBe(routeGroups.length)
    main.template.resourceCountIs(
      'AWS::ApiGatewayV2::Route',
      routeGroups.reduce((sum, group) => sum + 2 * group.prefixes.length, 0),
    )
  })

  it('sends every route the apps mount to the function of the group the local server sends it to', () => {
    const apps = buildGroupApps(fakeDeps().deps) as unknown as Map<string, Parameters<typeof documentedRoutes>[0]>
    for (const [group, app] of apps) {
      for (const route of documentedRoutes(app)) {
        const path = route.path.replace(/:\w+/g, '01JX')
        expect(groupForPath(path)?.name, path).toBe(group)
        const routeKey = gatewayRouteFor(resources, path)
        expect(functionOfRoute(resources, routeKey as string), `${path} by ${routeKey}`).toMatch(
          new RegExp(`^Api${functionIdOf(groupForPath(path) as RouteGroup)}`),
        )
      }
    }
  })

  it('throttles the API and writes its access logs', () => {
    main.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    })
  })

  it('never grants * actions or * resources on the table', () => {
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    const tableStatements = statements.filter((s) => asArray(s.Action).some((action) => action.startsWith('dynamodb:')))
    expect(tableStatements.length).toBeGreaterThan(0)
    for (const statement of tableStatements) {
      expect(asArray(statement.Action)).not.toContain('*')
      expect(asArray(statement.Action)).not.toContain('dynamodb:*')
      expect(asArray(statement.Resource)).not.toContain('*')
    }
    const allActions = statements.flatMap((s) => asArray(s.Action))
    expect(allActions).not.toContain('*')
  })

  it('gives read-only groups no table write actions', () => {
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']
    for (const group of routeGroups.filter((g) => g.access === 'read')) {
      expect(
        actionsOf(group).filter((action) => writes.includes(action)),
        group.name,
      ).toEqual([])
    }
  })

  it('lets the groups that take photos read them back, a photo never uploaded reading as missing; the others not at all', () => {
    for (const group of routeGroups as readonly RouteGroup[]) {
      const s3 = actionsOf(group).filter((action) => action.startsWith('s3:'))
      // S3 answers a missing key with 404 (NoSuchKey) only to those who may list the bucket; else 403.
      if (group.photos) expect(s3, group.name).toEqual(expect.arrayContaining(['s3:GetObject', 's3:ListBucket']))
      else expect(s3, group.name).toEqual([])
    }
  })

  it('blocks public access on every bucket', () => {
    const buckets = Object.values(resources).filter((r) => r.Type === 'AWS::S3::Bucket')
    expect(buckets.length).toBe(3)
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      })
    }
  })

  it('serves /api/* from the HTTP API through CloudFront, uncached, with every viewer header but Host', () => {
    const distribution = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')
    const config = distribution?.Properties.DistributionConfig as {
      Origins: { Id: string; DomainName: unknown }[]
      CacheBehaviors: {
        PathPattern: string
        TargetOriginId: string
        AllowedMethods: string[]
        CachePolicyId: string
        OriginRequestPolicyId: string
      }[]
      DefaultCacheBehavior: { FunctionAssociations?: unknown[] }
    }
    const apiBehavior = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*')
    expect(apiBehavior).toBeDefined()
    const origin = config.Origins.find((o) => o.Id === apiBehavior?.TargetOriginId)
    const apiId = Object.keys(resources).find((id) => resources[id]?.Type === 'AWS::ApiGatewayV2::Api')
    expect(JSON.stringify(origin?.DomainName)).toContain(`"${apiId}"`)
    expect(apiBehavior?.AllowedMethods).toHaveLength(7)
    expect(apiBehavior?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad') // Managed-CachingDisabled
    expect(apiBehavior?.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac') // AllViewerExceptHostHeader
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1)
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toContain('/photos/*')
  })

  it('sends the security headers of the one list the local server sends, on the app, the API and the photos', () => {
    const policies = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')
    expect(policies).toHaveLength(1)
    const [policyId, policy] = policies[0] as [string, Resources[string]]
    type Override = { Override: boolean }
    const config = (policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Override> })
      .SecurityHeadersConfig as {
      ContentSecurityPolicy: Override & { ContentSecurityPolicy: unknown }
      StrictTransportSecurity: Override & { AccessControlMaxAgeSec: number; IncludeSubdomains?: boolean; Preload?: boolean }
      ContentTypeOptions?: Override
      FrameOptions: Override & { FrameOption: string }
      ReferrerPolicy: Override & { ReferrerPolicy: string }
    }
    // The CSP names the photos bucket's endpoint, a deploy-time value: read it as a placeholder.
    const csp = config.ContentSecurityPolicy.ContentSecurityPolicy as { 'Fn::Join': [string, unknown[]] }
    const rendered = csp['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'BUCKET-ENDPOINT')).join('')
    const hsts = config.StrictTransportSecurity
    const sent = {
      'Content-Security-Policy': rendered,
      'Strict-Transport-Security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
      ...(config.ContentTypeOptions ? { 'X-Content-Type-Options': 'nosniff' } : {}),
      'X-Frame-Options': config.FrameOptions.FrameOption,
      'Referrer-Policy': config.ReferrerPolicy.ReferrerPolicy,
    }
    expect(sent).toEqual(securityHeaders('https://BUCKET-ENDPOINT'))
    expect(Object.values(config).every((header) => header.Override)).toBe(true)

    const distribution = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution') as Resources[string]
    const { DefaultCacheBehavior, CacheBehaviors } = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown }
      CacheBehaviors: { PathPattern: string; ResponseHeadersPolicyId: unknown }[]
    }
    expect(CacheBehaviors.map((behavior) => behavior.PathPattern).sort()).toEqual(['/api/*', '/photos/*'])
    for (const behavior of [DefaultCacheBehavior, ...CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId })
    }
  })

  it('compresses the web app at the edge and caches hashed assets for a year, index.html never without asking', () => {
    const distribution = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution') as Resources[string]
    const { DefaultCacheBehavior } = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: { Compress: boolean; CachePolicyId: string }
    }
    expect(DefaultCacheBehavior.Compress).toBe(true)
    // Managed-CachingOptimized: gzip and brotli in the cache key, the origin's Cache-Control honoured up to a year.
    expect(DefaultCacheBehavior.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6')
    const uploads = Object.values(resources)
      .filter((r) => r.Type === 'Custom::CDKBucketDeployment')
      .map((r) => ({
        cacheControl: (r.Properties.SystemMetadata as Record<string, string>)['cache-control'],
        exclude: r.Properties.Exclude,
        include: r.Properties.Include,
        invalidates: Boolean(r.Properties.DistributionId),
      }))
    expect(uploads).toEqual(
      expect.arrayContaining([
        { cacheControl: webCacheControl.hashed, exclude: ['index.html'], include: undefined, invalidates: false },
        { cacheControl: webCacheControl.other, exclude: ['*'], include: ['index.html'], invalidates: true },
      ]),
    )
  })

  it('alarms on API 5xx, each function, table throttles and the dead-letter queue', () => {
    const functions = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function').length
    const alarms = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
    // CDK's own handlers (web upload, CORS) are not ours to alarm on: count per our functions.
    expect(alarms.length).toBe(1 + 2 * (routeGroups.length + 1) + 1 + 1)
    expect(functions).toBeGreaterThan(routeGroups.length)
  })

  it('passes the cdk-nag AwsSolutions pack with no unsuppressed finding', () => {
    const findings = [
      ...Annotations.fromStack(main.stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(main.stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ]
    expect(findings.map((f) => `${f.id}: ${String(f.entry.data).split('\n')[0]}`)).toEqual([])
  })

  it('deploys a group added to the route map with its own function and routes, and no infra change', () => {
    const extendedResources = extended.template.toJSON().Resources as Resources
    const owners = extraGroup.prefixes.flatMap(gatewayRoutePaths).map((path) => functionOfRoute(extendedResources, `ANY ${path}`))
    expect(owners.every((id) => id?.includes('ExtraTestGroupFunction'))).toBe(true)
    // The parameterised prefix takes what it should and nothing of the ratings', accounts' or listings' prefixes beside it.
    const groups = [...routeGroups, extraGroup]
    for (const [path, group] of [
      ['/api/suppliers/01JX/extra', 'extra-test-group'],
      ['/api/suppliers/01JX/extra/1', 'extra-test-group'],
      ['/api/suppliers/01JX', 'ratings'],
      ['/api/suppliers/01JX/ratings', 'ratings'],
      ['/api/suppliers/me/verification', 'accounts'],
      ['/api/suppliers/me/listings', 'listings'],
      ['/api/suppliers/me/ratings', 'ratings'],
      ['/api/extra/1', 'extra-test-group'],
    ] as const) {
      expect(groupForPath(path, groups)?.name, path).toBe(group)
      const routeKey = gatewayRouteFor(extendedResources, path) as string
      expect(functionOfRoute(extendedResources, routeKey), `${path} by ${routeKey}`).toMatch(
        new RegExp(`^Api${functionIdOf(groups.find((candidate) => candidate.name === group) as RouteGroup)}`),
      )
    }
    extended.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Route group extra-test-group:'),
      Environment: { Variables: Match.objectLike({ PHOTOS_BUCKET: Match.anyValue() }) },
    })
    const count = (t: Template, type: string) => Object.keys(t.findResources(type)).length
    expect(count(extended.template, 'AWS::Lambda::Function')).toBe(count(main.template, 'AWS::Lambda::Function') + 1)
    expect(count(extended.template, 'AWS::ApiGatewayV2::Route')).toBe(count(main.template, 'AWS::ApiGatewayV2::Route') + 4)
    const extendedNag = Annotations.fromStack(extended.stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))
    expect(extendedNag).toEqual([])
  })
})
