/** One plain-text message to one person. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends email. In the cloud it is Amazon SES (when SES_FROM is configured); local mode has
 * none and keeps notices in the table only.
 */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/**
 * Amazon SES v2 from a verified identity. The SDK client is loaded on first send, so functions
 * that never email (the API) do not pay for it at cold start.
 */
export function sesEmailSender(from: string): EmailSender {
  let client: Promise<{ send: (m: EmailMessage) => Promise<void> }> | undefined;
  const load = async () => {
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const ses = new SESv2Client({});
    return {
      send: async (m: EmailMessage) => {
        await ses.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [m.to] },
            Content: {
              Simple: {
                Subject: { Data: m.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: m.text, Charset: 'UTF-8' } },
              },
            },
          }),
        );
      },
    };
  };
  return {
    send: async (m) => {
      client ??= load();
      await (await client).send(m);
    },
  };
}
