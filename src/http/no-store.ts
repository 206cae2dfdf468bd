import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Every answer of the API under /api/v1 — success, problem or CSV file — says
 * `Cache-Control: no-store`, so that no browser, shared counter computer or proxy keeps one: a
 * staff member's answers hold residents' names, addresses and revealed numbers, a sign-in holds
 * its token, and even the public rules and guide answers repeat the birth dates someone typed.
 * The guide's pages say no-store themselves; the web app's page is no-cache and its hashed
 * assets (code, no one's data) are cached for a year.
 */
export const noStore = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'madoguchi-no-store' },
);
