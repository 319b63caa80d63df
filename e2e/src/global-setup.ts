import { chromiumMissing } from "./browser";
import { buildStack } from "./stack";

/**
 * Builds the server and the client once for all test files (each file then starts its own server on them).
 * Nothing to build when Chromium is missing: the files skip, or fail under REQUIRE_SERVICES=1.
 */
export default async function setup(): Promise<void> {
  if (chromiumMissing()) return;
  const started = Date.now();
  await buildStack();
  console.log(`e2e: server and client built in ${Date.now() - started} ms`);
}
