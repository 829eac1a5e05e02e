/**
 * A scripted stand-in for `fetch`, for the client tests: it records every request and answers with the
 * next scripted answer (the last one repeats). The API is outside this package, so this is the one
 * thing the unit tests replace; the e2e tests run against the real server.
 */
import type { SocifyrInternalOptions } from '../src/client.js';

/** A request as the fake saw it. */
export interface RecordedRequest {
  url: string;
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body parsed as JSON, or undefined when none was sent. */
  body: unknown;
  signal: AbortSignal | undefined;
}

/** An answer: a response, an error to reject with, or a function of the request. */
export type ScriptedAnswer =
  | Response
  | Error
  | ((request: RecordedRequest) => Response | Error | Promise<Response | Error>);

/** A well-formed key (its checksum is not checked by the SDK). */
export const TEST_KEY = `sk_${'4b737840'.repeat(8)}`;

/** The fake, and what it was asked. */
export function scriptedFetch(...answers: ScriptedAnswer[]) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: RecordedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: headerRecord(new Headers(init.headers)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    const scripted = answers[Math.min(requests.length, answers.length) - 1];
    if (scripted === undefined) throw new Error('scriptedFetch: no answer scripted');
    const answer = typeof scripted === 'function' ? await scripted(request) : scripted;
    if (answer instanceof Error) throw answer;
    // A Response body can be read once; hand out a copy so a repeated answer works every time.
    return answer.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** `{ success: true, data }` with the given status. */
export function ok(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return json(status, { success: true, data }, headers);
}

/** An error envelope as the API sends it. */
export function apiError(
  status: number,
  error: string | string[],
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    { success: false, error, statusCode: status, path: '/api/x', timestamp: '2026-01-31T12:00:00.000Z' },
    headers,
  );
}

/** Any JSON body. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** What Node's fetch throws when nothing listens: a TypeError with the system error as its cause. */
export function connectionRefused(): Error {
  return new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
}

/** Internal options that record the waits instead of waiting, with jitter fixed at `jitter`. */
export function noWaiting(jitter = 0) {
  const waits: number[] = [];
  const options: SocifyrInternalOptions = {
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => jitter,
  };
  return { waits, options };
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
