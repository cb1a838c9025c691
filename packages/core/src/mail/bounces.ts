/**
 * SES's event for a message (through the configuration set's SNS destination): the addresses it
 * says never to write to again. A permanent bounce (no such mailbox) or a complaint (marked as
 * spam) stops mail to that address; a transient bounce (mailbox full) does not.
 */
export const undeliverableAddresses = (event: unknown): string[] => {
  const message = event as {
    eventType?: string
    notificationType?: string
    bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string }[] }
    complaint?: { complainedRecipients?: { emailAddress?: string }[] }
  }
  const type = message.eventType ?? message.notificationType
  const recipients =
    type === 'Bounce' && message.bounce?.bounceType === 'Permanent'
      ? message.bounce.bouncedRecipients
      : type === 'Complaint'
        ? message.complaint?.complainedRecipients
        : []
  return (recipients ?? []).flatMap(({ emailAddress }) => (emailAddress ? [emailAddress.trim().toLowerCase()] : []))
}
