import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { signInThroughForm } from "../src/browser";
import { waitForDashboard } from "../src/fixtures";
import { ARTIFACTS, ROOT, type RunningServer } from "../src/stack";
import { describeInChromium } from "../src/suite";

/**
 * The README's pictures of the main pages, on the demo data, at a desktop's width and a phone's (375 px),
 * checked on the way: no error shown and nothing wider than the screen. They go to test-results/e2e/docs/;
 * with UPDATE_DOCS_SCREENSHOTS=1 to docs/screenshots/ (committed).
 */
const OUT =
  process.env.UPDATE_DOCS_SCREENSHOTS === "1"
    ? path.join(ROOT, "docs", "screenshots")
    : path.join(ARTIFACTS, "docs");

const WIDTHS = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "375px", viewport: { width: 375, height: 812 } },
] as const;

/** The tallest picture kept: the top of a long page says what it is. */
const MAX_HEIGHT = 2600;

const PAGES: {
  name: string;
  user: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}[] = [
  {
    name: "dashboard",
    user: "viewer.city",
    path: "/dashboard",
    ready: async (page) => {
      await waitForDashboard(page);
      await page.getByTestId("confirmation-feed").waitFor();
      await page.getByTestId("ntm-matrix").waitFor();
      await page.locator(".recharts-surface").first().waitFor();
    },
  },
  {
    name: "inbox",
    user: "committee.codo",
    path: "/inbox",
    ready: async (page) => {
      await page.getByTestId("inbox-item").first().waitFor();
    },
  },
  {
    name: "unit",
    user: "committee.codo",
    path: "/units/925.02",
    ready: async (page) => {
      await page.getByRole("heading", { name: "Xã Trung An" }).waitFor();
      await page.getByRole("tab").first().waitFor();
      await page.locator(".ant-spin-spinning").waitFor({ state: "detached" });
    },
  },
];

/**
 * The demo data has no confirmation in its event log (it is loaded, not lived): xã Trung An's committee
 * confirms two of the reported demo pledges of its cells, so the dashboard's feed shows what it is for.
 */
async function confirmDemoPledges(server: RunningServer, count: number) {
  const token = await server.signIn("committee.trungan");
  const data = await server.gql(
    `{ pledges(filter: { under: { code: "925.02" }, statuses: [REPORTED] }, first: 50) {
         nodes { id unit { parent { code } } } } }`,
    {},
    token,
  );
  const mine = (data.pledges.nodes as { id: string; unit: { parent: { code: string } | null } }[]).filter(
    (pledge) => pledge.unit.parent?.code === "925.02",
  );
  expect(mine.length).toBeGreaterThanOrEqual(count);
  for (const pledge of mine.slice(0, count)) {
    await server.gql(
      `mutation($id: ID!) { confirmPledge(input: { id: $id }) { status } }`,
      { id: pledge.id },
      token,
    );
  }
}

async function save(page: Page, file: string) {
  // The welcome message after signing in is gone before the picture is taken.
  await page.locator(".ant-message-notice").first().waitFor({ state: "detached", timeout: 10_000 });
  fs.mkdirSync(OUT, { recursive: true });
  const { width } = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.join(OUT, file),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) },
  });
}

describeInChromium("screenshots of the main pages for the README, in Chromium", (suite) => {
  beforeAll(() => confirmDemoPledges(suite.server(), 2));

  for (const shown of PAGES) {
    it(`the ${shown.name} page as ${shown.user}, on a desktop and at 375 px`, async () => {
      const { page } = await suite.browser(WIDTHS[0].viewport);
      await page.goto(`${suite.server().origin}${shown.path}`);
      await signInThroughForm(page, shown.user);
      for (const { name, viewport } of WIDTHS) {
        await page.setViewportSize(viewport);
        await shown.ready(page);
        await page.waitForTimeout(400); // charts resize after the viewport changes
        expect(await page.locator(".ant-alert-error").count()).toBe(0);
        // Usable at a phone's width: nothing makes the page scroll sideways (wide tables scroll in their box).
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${shown.name} at ${name} is wider than the screen`).toBeLessThanOrEqual(0);
        await save(page, `${shown.name}-${name}.png`);
      }
    });
  }
});
