import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The content codings the server sends, best first. */
const CODINGS = ['br', 'gzip'] as const;
type Coding = (typeof CODINGS)[number];

/**
 * The coding to send for an `Accept-Encoding` header (RFC 9110 §12.5.3): the best one the client
 * gives a non-zero weight, by name or through `*`; none (the plain bytes) when it names none or
 * sends no header.
 */
export function chooseCoding(header: string | undefined): Coding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  let best: Coding | undefined;
  for (const coding of CODINGS) if (weightOf(coding) > 0 && (best === undefined || weightOf(coding) > weightOf(best))) best = coding;
  return best;
}

/**
 * A body that never changes while the server runs (the OpenAPI document), compressed once, when
 * it is made, in every coding the server offers; each request gets the coding it accepts, an ETag
 * of the plain bytes, and a 304 when it already has them.
 */
export class EncodedBody {
  private readonly plain: Buffer;
  private readonly coded: Record<Coding, Buffer>;
  private readonly etag: string;

  constructor(
    text: string,
    private readonly contentType: string,
  ) {
    this.plain = Buffer.from(text, 'utf8');
    this.coded = {
      br: brotliCompressSync(this.plain, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: this.plain.length } }),
      gzip: gzipSync(this.plain, { level: constants.Z_BEST_COMPRESSION }),
    };
    this.etag = `"${createHash('sha256').update(this.plain).digest('base64url').slice(0, 27)}"`;
  }

  /** Sizes in bytes, plain and in each coding. */
  get sizes(): { plain: number } & Record<Coding, number> {
    return { plain: this.plain.length, br: this.coded.br.length, gzip: this.coded.gzip.length };
  }

  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const coding = chooseCoding(request.headers['accept-encoding']);
    // The ETag names the document, whatever its coding: a weak comparison (RFC 9110 §13.1.2).
    const etag = coding ? `W/${this.etag}` : this.etag;
    reply.header('vary', 'accept-encoding').header('cache-control', 'no-cache').header('etag', etag);
    const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (known?.includes(this.etag) || known?.includes('*')) return reply.code(304).send();
    reply.type(this.contentType);
    if (!coding) return reply.send(this.plain);
    return reply.header('content-encoding', coding).send(this.coded[coding]);
  }
}
