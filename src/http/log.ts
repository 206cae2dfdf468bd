import { write as fsWrite, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { LogLevel } from '../app/config.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Ten digits or more, half- or full-width, maybe hyphenated: an individual number, a 住民票コード, a phone number. */
const DIGIT_RUN = '[0-9０-９](?:-?[0-9０-９]){9,}';
const UUID_OR_DIGITS = new RegExp(`${UUID}|${DIGIT_RUN}`, 'gi');
const IS_UUID = new RegExp(`^${UUID}$`, 'i');

/** `text` with every long run of digits masked (ids, which are UUIDs, stay readable). */
export function maskDigits(text: string): string {
  return text.replace(UUID_OR_DIGITS, (match) => (IS_UUID.test(match) ? match : '[digits]'));
}

/**
 * A request's URL as the log shows it: the path with long digit runs masked, and the query's
 * parameter names without their values, which may be anything a clerk typed into the search
 * box, an individual number included (docs/security.md "Logs").
 */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return maskDigits(url);
  const names = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const name = pair.split('=')[0]!;
      return /^[A-Za-z_][\w.-]{0,40}$/.test(name) ? `${name}=…` : '…';
    });
  return `${maskDigits(url.slice(0, at))}?${names.join('&')}`;
}

/** The facts of an error worth logging: never its other properties, which may hold the values of a query or a request. */
function loggedError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: maskDigits(String(error)) };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    type: error.name,
    message: maskDigits(error.message),
    ...(typeof code === 'string' && { code }),
    ...(typeof statusCode === 'number' && { statusCode }),
    ...(error.stack !== undefined && { stack: maskDigits(error.stack) }),
    ...(error.cause !== undefined && depth < 2 && { cause: loggedError(error.cause, depth + 1) }),
  };
}

/**
 * Pino's options for the server: the level, and serializers that keep numbers and secrets out
 * of the log. A request is logged with its method, path and parameter names only; an error with
 * its type, code, message and stack, masked (a driver's error may quote a row, pino's own
 * serializer would copy every property); a request's body never.
 */
export function logOptions(level: LogLevel, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    ...(stream && { stream }),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: loggedUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
      err: (error: unknown) => loggedError(error),
    },
  };
}

/** Where the log's lines go: a file descriptor, written asynchronously. */
export type LogSink = (chunk: string, done: (error: NodeJS.ErrnoException | null, written: number) => void) => void;

export function fdSink(fd: number): LogSink {
  return (chunk, done) => fsWrite(fd, chunk, null, 'utf8', done);
}

/**
 * The log's destination, which never takes the server down: pino's own emits an 'error' that
 * ends the process when its file cannot be written (a full disk), and then retries one line for
 * ever. Here lines wait in a bounded queue; a line that cannot be written is dropped; the first
 * failure of a spell is reported once on standard error (best effort: it may be on the same
 * disk), and the first line written after it says how many were lost.
 */
export class LogDestination implements DestinationStream {
  private queue: string[] = [];
  private queuedBytes = 0;
  private writing = false;
  private lost = 0;
  private failing: NodeJS.ErrnoException | undefined;

  constructor(
    private readonly sink: LogSink,
    private readonly report: (message: string) => void = reportOnStderr,
    private readonly limitBytes = 8 * 1024 * 1024,
  ) {}

  write(line: string): void {
    if (this.queuedBytes + line.length > this.limitBytes) {
      this.lost++;
      return;
    }
    this.queue.push(line);
    this.queuedBytes += line.length;
    if (!this.writing) this.next();
  }

  /** Whether the last write failed, and why. */
  get failure(): NodeJS.ErrnoException | undefined {
    return this.failing;
  }

  private next(): void {
    if (this.queue.length === 0) return;
    const lines = this.queue.length;
    const chunk = this.queue.join('');
    this.queue = [];
    this.queuedBytes = 0;
    this.writing = true;
    this.sink(chunk, (error, written) => {
      this.writing = false;
      if (error?.code === 'EAGAIN') {
        // A pipe whose reader is slow: the same lines again a moment later, before the newer ones.
        this.queue.unshift(chunk);
        this.queuedBytes += chunk.length;
        this.writing = true;
        setTimeout(() => {
          this.writing = false;
          this.next();
        }, 20).unref();
        return;
      }
      if (error) {
        this.lost += lines;
        if (!this.failing) this.report(`madoguchi: the log cannot be written (${error.code ?? error.message}); its lines are dropped until it can\n`);
        this.failing = error;
      } else if (written < Buffer.byteLength(chunk)) {
        this.queue.unshift(Buffer.from(chunk).subarray(written).toString());
        this.queuedBytes += chunk.length;
      } else if (this.failing) {
        this.failing = undefined;
        const lost = this.lost;
        this.lost = 0;
        this.queue.unshift(`${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, hostname: hostname(), lostLines: lost, msg: 'the log can be written again; lines were lost meanwhile' })}\n`);
      }
      this.next();
    });
  }
}

function reportOnStderr(message: string): void {
  try {
    writeSync(2, message);
  } catch {
    // Standard error may be on the full disk too: nothing more can be said.
  }
}
