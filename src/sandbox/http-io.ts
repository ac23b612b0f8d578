/**
 * The sandbox's HTTP plumbing shared by every handler: reading a bounded request body, parsing it as
 * JSON the way Graph refuses a bad one, lower-cased headers, and writing a JSON (or empty) response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest } from './graph-errors.js';

/** Larger bodies are refused with 413: the app never sends one, a runaway client should not fill memory. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A body that cannot be read (too large); each protocol renders it in its own error shape. */
export class HttpBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpBodyError';
  }
}

/** Reads the whole request body as UTF-8; throws {@link HttpBodyError} (413) past {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpBodyError(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body (undefined when empty); a malformed one is Graph's `invalidRequest` with its message. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw invalidRequest(
      `Unable to read JSON request payload (${(err as Error).message}). Please ensure Content-Type header is set and payload is of valid JSON format.`,
    );
  }
}

/** The request's headers with lower-case names, repeated ones joined by ', '. */
export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Writes a response: no body for 204 or undefined, otherwise the body as JSON with its length. */
export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}
