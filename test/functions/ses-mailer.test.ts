import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { createSesMailer } from '../../functions/mail.ts'

const ses = mockClient(SESv2Client)
afterEach(() => ses.reset())

describe('the SES mail adapter', () => {
  it('sends plain UTF-8 text from the configured address through the configuration set, and fails when SES does', async () => {
    const mailer = createSesMailer({ adapter: 'ses', from: 'market@example.cn', configurationSet: 'market-mail' })
    ses.on(SendEmailCommand).rejectsOnce(new Error('Throttling')).resolves({ MessageId: 'm-1' })
    const mail = { to: 'tashi@example.cn', subject: 'བོད་ཡིག', text: '重设你的密码' }
    await expect(mailer.send(mail)).rejects.toThrow('Throttling')
    await mailer.send(mail)
    const sent = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input)
    expect(sent).toHaveLength(2)
    expect(sent[1]).toMatchObject({
      FromEmailAddress: 'market@example.cn',
      ConfigurationSetName: 'market-mail',
      Destination: { ToAddresses: ['tashi@example.cn'] },
      Content: { Simple: { Subject: { Data: 'བོད་ཡིག', Charset: 'UTF-8' }, Body: { Text: { Data: '重设你的密码' } } } },
    })
  })
})
