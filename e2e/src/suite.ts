import { afterAll, beforeAll, describe, it } from "vitest";
import { chromiumMissing, openBrowser, type BrowserSession } from "./browser";
import { startServer, type RunningServer } from "./stack";

export interface Suite {
  /** The server this file's tests drive (started in beforeAll, on a fresh SQLite database with the demo data). */
  server(): RunningServer;
  /** A new browser (own Chromium process and profile), closed after the file. */
  browser(viewport?: { width: number; height: number }): Promise<BrowserSession>;
}

/**
 * A describe block whose tests need Chromium and a running server: skipped with the reason when
 * /usr/bin/chromium is missing, a failure under REQUIRE_SERVICES=1. The builds are made once per run by
 * global-setup.ts.
 */
export function describeInChromium(title: string, body: (suite: Suite) => void): void {
  const missing = chromiumMissing();
  if (missing && process.env.REQUIRE_SERVICES !== "1") {
    console.warn(`SKIPPED "${title}": ${missing}`);
    describe.skip(`${title} (skipped: ${missing})`, () => {
      it("needs Chromium", () => undefined);
    });
    return;
  }
  if (missing) {
    describe(title, () => {
      it("needs Chromium (REQUIRE_SERVICES=1)", () => {
        throw new Error(missing);
      });
    });
    return;
  }
  describe(title, () => {
    let server: RunningServer | undefined;
    const browsers: BrowserSession[] = [];
    beforeAll(async () => {
      const started = Date.now();
      server = await startServer();
      console.log(`e2e: server started in ${Date.now() - started} ms at ${server.origin}`);
    }, 120_000);
    afterAll(async () => {
      await Promise.all(browsers.map((browser) => browser.close()));
      await server?.stop();
    });
    body({
      server: () => {
        if (!server) throw new Error("the server did not start");
        return server;
      },
      async browser(viewport) {
        const session = await openBrowser(viewport);
        browsers.push(session);
        return session;
      },
    });
  });
}
