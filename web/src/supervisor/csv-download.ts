import { answer, type Answer } from '../api/client';

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** The name the server gave the file (Content-Disposition), so the saved file is named as the API names it. */
function filenameOf(response: Response | undefined, fallback: string): string {
  const disposition = response?.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Saves a CSV answer of the API as a file. The request goes through the same typed client as
 * every other (the session's cookie, and the expiry handling), asking for `Accept: text/csv`;
 * the body is kept as bytes, so Shift_JIS arrives untouched. Answers the file's name.
 */
export async function saveCsv(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string): Promise<Answer<string>> {
  let response: Response | undefined;
  const result = await answer(
    call.then((value) => {
      response = value.response;
      return value;
    }),
  );
  if (!result.ok) return result;
  const filename = filenameOf(response, fallback);
  const url = URL.createObjectURL(result.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after this task; revoking it at once would save an empty file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, data: filename };
}
