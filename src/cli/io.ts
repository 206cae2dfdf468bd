/** The streams a command talks through, so tests can run commands in process. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** A failure a command reports as one line on stderr with a non-zero exit, never as a trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Writes and resolves once the stream has taken the text (or its buffer has drained). */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    const drained = stream.write(text, () => undefined);
    const done = () => {
      stream.off('error', onError);
      resolve();
    };
    if (drained) done();
    else stream.once('drain', done);
  });
}
