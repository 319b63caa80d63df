import type { Page } from "playwright-core";
import type { RunningServer } from "./stack";

/**
 * A pledge of member.codo (who directs a hamlet cell of xã Trung An) registered and reported through the API,
 * so that committee.trungan has it to confirm. The title is unique per call.
 */
export async function reportedPledge(
  server: RunningServer,
  label: string,
): Promise<{ id: string; title: string }> {
  const token = await server.signIn("member.codo");
  const viewer = await server.gql(`{ viewer { member { assignments(year: 2016) { id } } } }`, {}, token);
  const assignment = viewer.viewer.member.assignments[0]?.id;
  if (!assignment) throw new Error("member.codo has no assignment in 2016");
  const title = `Kiểm thử ${label} ${Date.now().toString(36)}`;
  const registered = await server.gql(
    `mutation($input: RegisterPledgeInput!) { registerPledge(input: $input) { id } }`,
    {
      input: {
        assignment,
        year: 2016,
        title,
        category: "INFRASTRUCTURE",
        targetQuantity: 2,
        targetUnit: "km",
      },
    },
    token,
  );
  const id = registered.registerPledge.id as string;
  await server.gql(
    `mutation($input: ReportPledgeInput!) { reportPledge(input: $input) { id } }`,
    { input: { id, reportNote: "Đã hoàn thành, có biên bản nghiệm thu.", achievedQuantity: 2 } },
    token,
  );
  return { id, title };
}

/** committee.trungan confirms a pledge through the API (the "meanwhile" of the reconnection test). */
export async function confirmThroughApi(server: RunningServer, id: string): Promise<void> {
  const token = await server.signIn("committee.trungan");
  await server.gql(`mutation($id: ID!) { confirmPledge(input: { id: $id }) { status } }`, { id }, token);
}

/** The header's live indicator state: connecting, live, reconnecting or offline. */
export function headerLiveStatus(page: Page) {
  return page.locator("header").getByTestId("live-status");
}

export async function waitForHeaderStatus(page: Page, status: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`header [data-testid="live-status"][data-status="${status}"]`, { timeout });
}

/** The dashboard's "confirmed pledges" figure as a number (vi-VN groups thousands with dots). */
export async function confirmedCount(page: Page): Promise<number> {
  const text = await page.getByTestId("confirmed-count").innerText();
  return Number(text.replace(/\D/g, ""));
}

/** Waits until the dashboard shows its figures and its confirmation feed, both live. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.getByTestId("confirmed-count").waitFor();
  await page.waitForSelector(
    '[data-testid="confirmation-feed"], .ant-card:has-text("Xác nhận mới nhất") .ant-empty-description',
  );
  await waitForHeaderStatus(page, "live");
}

/**
 * Resolves when the dashboard shows `count` confirmed pledges and the feed lists `title`; the time it took.
 * Polls every 25 ms inside the page.
 */
export async function waitForConfirmation(
  page: Page,
  expected: { count: number; title: string },
  timeout: number,
): Promise<number> {
  const started = Date.now();
  const waiting = page.waitForFunction(
    ({ count, title }) => {
      const figure = document.querySelector('[data-testid="confirmed-count"]')?.textContent ?? "";
      const feed = document.querySelector('[data-testid="confirmation-feed"]')?.textContent ?? "";
      return Number(figure.replace(/\D/g, "")) === count && feed.includes(title);
    },
    expected,
    { timeout, polling: 25 },
  );
  try {
    await waiting;
  } catch (error) {
    // Say what the page showed instead.
    const shown = await page.evaluate(() => ({
      confirmed: document.querySelector('[data-testid="confirmed-count"]')?.textContent,
      feed: document.querySelector('[data-testid="confirmation-feed"]')?.textContent?.slice(0, 300),
      live: Array.from(document.querySelectorAll('[data-testid="live-status"]')).map((el) =>
        el.getAttribute("data-status"),
      ),
    }));
    throw new Error(
      `expected ${expected.count} confirmed and "${expected.title}" in the feed; the page shows ${JSON.stringify(shown)}`,
      { cause: error },
    );
  }
  return Date.now() - started;
}
