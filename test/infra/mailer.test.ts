import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { App, Aspects } from 'aws-cdk-lib'
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions'
import { AwsSolutionsChecks } from 'cdk-nag'
import { beforeAll, describe, expect, it } from 'vitest'
import { MarketStack } from '../../infra/stacks/market-stack.ts'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>
let template: Template
let app: App

beforeAll(() => {
  const scratch = mkdtempSync(join(tmpdir(), 'market-mail-infra-'))
  process.env.TMPDIR = scratch
  const webAssetDir = join(scratch, 'web')
  mkdirSync(webAssetDir)
  writeFileSync(join(webAssetDir, 'index.html'), '<!doctype html><title>test</title>')
  app = new App({ outdir: join(scratch, 'out'), context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } })
  const stack = new MarketStack(app, 'MailTest', {
    projectRoot,
    webAssetDir,
    mail: { domain: 'mail.lhasa-market.example', from: 'market@mail.lhasa-market.example' },
  })
  Aspects.of(app).add(new AwsSolutionsChecks())
  template = Template.fromStack(stack)
}, 120_000)

const functionWithEntry = (description: string) => {
  const [id] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, fn]) =>
    String((fn as { Properties: { Description?: string } }).Properties.Description).startsWith(description),
  ) ?? ['']
  return id
}

describe('e-mail in the cloud', () => {
  it('sends from the configured domain through a configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.lhasa-market.example',
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    })
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Sends queued e-mail'),
      Environment: {
        Variables: Match.objectLike({ MAIL_FROM: 'market@mail.lhasa-market.example', MAIL_CONFIGURATION_SET: Match.anyValue() }),
      },
    })
  })

  it('lets only the sender function send, and runs it every minute', () => {
    const sender = functionWithEntry('Sends queued e-mail')
    expect(sender).not.toBe('')
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Resources)
    const sending = policies.filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('ses:SendEmail'))
    expect(sending.length).toBeGreaterThan(0)
    for (const policy of sending) {
      const roles = JSON.stringify(policy.Properties.Roles)
      const senderRole = (template.toJSON().Resources[sender].Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]
      expect(roles).toContain(String(senderRole))
    }
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sender, 'Arn'] } })],
    })
  })

  it('hands bounces and complaints to the function that stops mail to the address', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: { TopicARN: Match.anyValue() },
      }),
    })
    const bounces = functionWithEntry('Marks addresses SES reports')
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [bounces, 'Arn'] },
    })
  })

  it('never routes the developer outbox, and passes cdk-nag', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Resources).map((route) =>
      String(route.Properties.RouteKey),
    )
    expect(routes.length).toBeGreaterThan(0)
    expect(routes.filter((key) => key.includes('/api/dev'))).toEqual([])
    const errors = Annotations.fromStack(app.node.findChild('MailTest') as never).findError(
      '*',
      Match.stringLikeRegexp('AwsSolutions-.*'),
    )
    expect(errors.map((error) => `${error.id}: ${String(error.entry.data).slice(0, 200)}`)).toEqual([])
  })
})
