import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The kinds of file worth compressing: text. Images and fonts are compressed formats already. */
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;

/** Every file under a directory, by its path. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
  );
}

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the built app, at the
 * strongest settings, once at build time: the server (src/http/web-app.ts) sends the copy the
 * browser accepts (`Accept-Encoding`) and never compresses on the fly. A copy that would not be
 * smaller than its file is not written. Returns the sizes, for the build to report.
 */
export function precompress(directory: string): { file: string; bytes: number; br?: number; gzip?: number }[] {
  return filesUnder(directory)
    .filter((file) => TEXT.test(file))
    .map((file) => {
      const bytes = readFileSync(file);
      const br = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      const sizes: { file: string; bytes: number; br?: number; gzip?: number } = { file: path.relative(directory, file), bytes: bytes.length };
      if (br.length < bytes.length) {
        writeFileSync(`${file}.br`, br);
        sizes.br = br.length;
      }
      if (gzip.length < bytes.length) {
        writeFileSync(`${file}.gz`, gzip);
        sizes.gzip = gzip.length;
      }
      return sizes;
    });
}
