/**
 * Scheduled entry (EventBridge every 5 minutes in the cloud, a timer under `npm start`). The
 * deadline, unpaid-order and auto-complete jobs of the orders and RFQ issues register here; until
 * then there is nothing to run, and the handler says so.
 */
export const handler = async () => ({ ran: [] as string[] })
