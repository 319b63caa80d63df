import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** A real graphql-ws client for tests: collects messages and lets a test await the next one. */
export interface TestSubscription<T = any> {
  messages: T[];
  errors: unknown[];
  /** The next message not yet taken by `next()`, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  /** Resolves when `count` messages have arrived in all, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): void;
}

export function wsClient(
  url: string,
  token: string | null,
  options: { retryAttempts?: number } = {},
): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: options.retryAttempts ?? 0,
    lazy: true,
  });
}

export function subscribe<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): TestSubscription<T> {
  const messages: T[] = [];
  const errors: unknown[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors?.length) errors.push(value.errors);
        else messages.push(value.data as T);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => wake(),
    },
  );
  const waitUntil = (done: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what}; errors: ${JSON.stringify(errors)}`,
            ),
          ),
        timeoutMs,
      );
      const check = () => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      waiters.push(check);
    });
  return {
    messages,
    errors,
    async next(timeoutMs = 5000) {
      await waitUntil(() => messages.length > taken, timeoutMs, `message ${taken + 1}`);
      return messages[taken++];
    },
    async waitFor(count, timeoutMs = 5000) {
      await waitUntil(
        () => messages.length >= count,
        timeoutMs,
        `${count} messages (have ${messages.length})`,
      );
      taken = Math.max(taken, count);
      return messages.slice(0, count);
    },
    close: dispose,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
