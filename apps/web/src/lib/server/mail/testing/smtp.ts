// A real SMTP server in the test's process (the `smtp-server` package), and a small reader of
// what arrives: headers (RFC 2047 words decoded) and the text and HTML parts (quoted-printable
// or base64 decoded). Test support only.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  headers: Map<string, string>;
  messageId: string;
  subject: string;
  from: string;
  to: string[];
  text: string;
  html: string;
}

/** What the server answers to one message: accept it, refuse it (4xx), or never answer. */
export type Verdict = 'accept' | 'refuse' | 'hold';

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Messages whose DATA arrived, whatever the answer (refused, held, accepted). */
  attempts: number;
  /** Resolves once `count` messages have been accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([\w-]+)\?([QqBb])\?([^?]*)\?=/g,
      (_all, _charset: string, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replaceAll('_', ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(source[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0
    ? { headers: splitHeaders(raw), body: '' }
    : { headers: splitHeaders(raw.slice(0, at)), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Reads a message as nodemailer writes it (multipart/alternative of text and HTML, or one part). */
export function readMail(raw: string): ReceivedMail {
  const { headers, body } = splitMessage(raw);
  let text = '';
  let html = '';
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => splitMessage(part.replace(/^\r?\n/, '')))
    : [{ headers, body }];
  for (const part of parts) {
    const partType = part.headers.get('content-type') ?? 'text/plain';
    if (partType.startsWith('text/html')) html = decodeBody(part.headers, part.body);
    else if (partType.startsWith('text/plain')) text = decodeBody(part.headers, part.body);
  }
  return {
    raw,
    headers: new Map([...headers].map(([name, value]) => [name, decodeWords(value)])),
    messageId: headers.get('message-id') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    from: decodeWords(headers.get('from') ?? ''),
    to: [],
    text: text.replace(/\r\n/g, '\n'),
    html,
  };
}

/**
 * Starts an SMTP server on a free loopback port, without TLS or authentication. `verdict`
 * decides the answer to each message (by its order of arrival, from 1): accept by default.
 */
export async function startSmtpServer(
  options: { verdict?: (attempt: number, mail: ReceivedMail) => Verdict; onHold?: () => void } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts++;
        const mail = readMail(Buffer.concat(chunks).toString('utf8'));
        mail.to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const verdict = options.verdict?.(attempts, mail) ?? 'accept';
        if (verdict === 'hold') {
          options.onHold?.();
          return;
        }
        if (verdict === 'refuse') {
          const error = new Error('Try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        received.push(mail);
        for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get attempts() {
      return attempts;
    },
    waitFor(count, timeoutMs = 20_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${received.length} of ${count} messages arrived within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Held connections would keep the server open: close them first.
        (server as unknown as { connections?: Set<{ close(): void }> }).connections?.forEach((c) =>
          c.close(),
        );
        server.close(() => resolve());
      }),
  };
}
