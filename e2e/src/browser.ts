import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ARTIFACTS, DEMO_PASSWORD } from "./stack";

/** Debian's Chromium (`apt-get install chromium`): `npx playwright install` cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} not found (apt-get install -y chromium)`;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * One user's browser: its own Chromium process with a fresh profile (a second user must not share the first
 * one's session storage or sockets), one page of the given size.
 */
export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "assignment-tracker-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };

/** Signs in through the header's button and the sign-in form, as a user would. */
export async function signInThroughForm(page: Page, username: string): Promise<void> {
  await page.locator("header").getByRole("button", { name: "Đăng nhập" }).click();
  const dialog = page.getByRole("dialog", { name: "Đăng nhập" });
  await dialog.waitFor();
  // Fill the form once the dialog has finished opening (Ant Design's zoom), not while it is still moving.
  await page.waitForFunction(
    () => !document.querySelector(".ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter"),
  );
  await dialog.getByLabel("Tên đăng nhập").fill(username);
  await dialog.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Đăng nhập" }).click();
  const refused = dialog.locator(".ant-alert-error");
  try {
    await Promise.race([dialog.waitFor({ state: "hidden" }), refused.waitFor()]);
  } catch (error) {
    // Neither closed nor refused: say what the dialog shows (field values, validation messages), so that a
    // lost submit can be told from an unanswered request.
    const fields = await dialog
      .locator("input")
      .evaluateAll((inputs) =>
        inputs.map(
          (i) =>
            `${(i as HTMLInputElement).name || "?"}=${(i as HTMLInputElement).value ? "filled" : "empty"}`,
        ),
      )
      .catch(() => []);
    const text = await dialog.innerText().catch(() => "(no text)");
    throw new Error(
      `signing in as ${username}: the dialog neither closed nor showed an error (${fields.join(", ")}): ${text}\n${String(error)}`,
    );
  }
  if (await refused.isVisible())
    throw new Error(`signing in as ${username} failed: ${await refused.innerText()}`);
}

/** Full-page screenshot under test-results/e2e/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
