/**
 * A progress bar on standard error, redrawn in place on a terminal and printed every tenth
 * otherwise (so a log file gets ten lines, not thousands).
 */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string) {
  const started = Date.now();
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const share = total === 0 ? 1 : done / total;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const width = 30;
      const filled = Math.round(share * width);
      const line = `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${Math.round(done / seconds).toLocaleString('en-US')}/s`;
      if (stream.isTTY) {
        stream.write(`\r${line}${done >= total ? '\n' : ''}`);
      } else if (Math.floor(share * 10) !== lastTenth) {
        lastTenth = Math.floor(share * 10);
        stream.write(`${line}\n`);
      }
    },
  };
}
