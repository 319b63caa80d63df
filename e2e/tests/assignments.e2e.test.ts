import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot, signInThroughForm } from "../src/browser";
import { describeInChromium } from "../src/suite";

type Locator = ReturnType<Page["getByLabel"]>;

/** Types a day into an Ant Design date field (dd/mm/yyyy); Tab leaves it, which keeps the day typed. */
async function typeDay(field: Locator, day: string) {
  await field.click();
  await field.press("Control+A");
  await field.pressSequentially(day);
  await field.press("Tab");
  await expect.poll(() => field.inputValue()).toBe(day);
}

/** The first options of the open Select's list. */
function options(page: Page) {
  return page.locator(".ant-select-dropdown:visible .ant-select-item-option");
}

/** Waits until no Select list is open (a closing one would take the next click meant for another list). */
async function noOpenList(page: Page) {
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}

async function optionName(option: Locator): Promise<string> {
  return ((await option.getAttribute("title")) ?? (await option.innerText())).split(" (")[0];
}

/** Picks the `index`th option of the open list, once the member search's answer has drawn it; its name. */
async function pick(page: Page, index: number): Promise<string> {
  await options(page).nth(index).waitFor();
  await page.waitForTimeout(400); // the answer to the list's query may redraw it
  const option = options(page).nth(index);
  const name = await optionName(option);
  await option.click({ force: true });
  await noOpenList(page);
  return name;
}

describeInChromium(
  "a committee managing its units: assignments, grades, delegations, in Chromium",
  (suite) => {
    it("hands a hamlet cell over to another member from a day, ends the new assignment, and assigns a second member", async () => {
      const { page } = await suite.browser({ width: 375, height: 812 });
      await page.goto(`${suite.server().origin}/units/925.02.01`);
      await signInThroughForm(page, "committee.codo");
      const members = page.getByRole("tabpanel");
      const handOver = members.getByRole("button", { name: "Thay người" }).first();
      await handOver.waitFor();
      const before = await members.getByRole("listitem").count();
      // The district's committee does not grade a cell: the commune's does.
      await page.getByTestId("unit-grade").waitFor();
      expect(await page.getByTestId("unit-grade").getByRole("button", { name: "Xếp loại" }).count()).toBe(0);

      // Hand over from 15/10/2016: the running assignment ends on the 14th, the new one starts on the 15th.
      await handOver.click();
      const dialog = page.getByRole("dialog", { name: "Thay người phụ trách" });
      await dialog.getByLabel("Người thay").click();
      const newName = await pick(page, 0);
      await typeDay(dialog.getByLabel("Người mới phụ trách từ ngày"), "15/10/2016");
      await dialog.getByRole("button", { name: "Thay người" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByText("Đã thay người phụ trách.").waitFor();
      await members.getByText("đến 14/10/2016").waitFor();
      const added = members
        .getByRole("listitem")
        .filter({ hasText: newName })
        .filter({ hasText: "từ 15/10/2016" });
      await added.waitFor();
      expect(await members.getByRole("listitem").count()).toBe(before + 1);
      await screenshot(page, "assignments-1-handed-over-375px");

      // End the new one on 31/12/2016.
      await added.getByRole("button", { name: "Kết thúc" }).click();
      const end = page.getByRole("dialog", { name: "Kết thúc phân công" });
      await typeDay(end.getByLabel("Đến ngày"), "31/12/2016");
      await end.getByRole("button", { name: "Kết thúc" }).click();
      await end.waitFor({ state: "hidden" });
      await added.getByText("đến 31/12/2016").waitFor();
      // An ended assignment has nothing left to hand over or end.
      expect(await added.getByRole("button", { name: "Kết thúc" }).count()).toBe(0);

      // A second member for the cell, under the directive nearest the unit (offered by default), from 01/11/2016.
      await members.getByRole("button", { name: "Phân công cán bộ" }).click();
      const assign = page.getByRole("dialog", { name: "Phân công cán bộ phụ trách Chi bộ Ấp Lộc Thạnh" });
      await assign.getByLabel("Cán bộ", { exact: true }).click();
      const secondName = await pick(page, 1);
      await typeDay(assign.getByLabel("Từ ngày"), "01/11/2016");
      await assign.getByRole("button", { name: "Phân công cán bộ" }).click();
      await assign.waitFor({ state: "hidden", timeout: 5000 }).catch(async (error) => {
        await screenshot(page, "assignments-debug-assign");
        throw new Error(`the dialog stayed open: ${await assign.innerText()}`, { cause: error });
      });
      await members
        .getByRole("listitem")
        .filter({ hasText: secondName })
        .filter({ hasText: "từ 01/11/2016" })
        .waitFor();
      expect(await members.getByRole("listitem").count()).toBe(before + 2);
      await screenshot(page, "assignments-2-assigned-375px");
    });

    it("lets the commune's committee grade one of its cells for the year", async () => {
      const { page } = await suite.browser({ width: 375, height: 812 });
      await page.goto(`${suite.server().origin}/units/925.02.03`);
      await signInThroughForm(page, "committee.trungan");
      const line = page.getByTestId("unit-grade");
      await line.getByRole("button", { name: "Xếp loại" }).click();
      const dialog = page.getByRole("dialog", { name: /^Xếp loại Chi bộ .* năm 2016$/ });
      await dialog.getByRole("radio", { name: "Trong sạch, vững mạnh", exact: true }).check();
      await dialog.getByRole("button", { name: "Lưu" }).click();
      await dialog.waitFor({ state: "hidden" });
      await line.getByText("Trong sạch, vững mạnh", { exact: true }).waitFor();
    });

    it("records a working delegation to one of its communes", async () => {
      const { page } = await suite.browser({ width: 1280, height: 800 });
      await page.goto(`${suite.server().origin}/delegations`);
      await signInThroughForm(page, "committee.codo");
      const card = page.locator(".ant-card").filter({ hasText: /^Đoàn công tác \(\d+\)/ });
      const heading = card.locator(".ant-card-head-title");
      await heading.waitFor();
      const before = Number(/\((\d+)\)/.exec(await heading.innerText())![1]);

      await card.getByRole("button", { name: "Ghi nhận đoàn công tác" }).click();
      const dialog = page.getByRole("dialog", { name: "Ghi nhận đoàn công tác" });
      await dialog
        .getByLabel("Nội dung làm việc")
        .fill("Làm việc với Đảng ủy xã Trung An về xây dựng nông thôn mới");
      // The picker lists the district and its communes before any search.
      await dialog.getByLabel("Đơn vị được làm việc").click();
      const commune = options(page).filter({ hasText: "Xã Trung An (925.02)" });
      await commune.waitFor();
      await page.waitForTimeout(400);
      await commune.scrollIntoViewIfNeeded();
      await commune.click({ force: true });
      await noOpenList(page);
      await dialog.getByTitle("Xã Trung An (925.02)").waitFor();
      await typeDay(dialog.getByLabel("Ngày làm việc"), "20/09/2016");
      await dialog.getByLabel("Thành viên đoàn").click();
      await options(page).first().waitFor();
      await page.waitForTimeout(400); // the answer to the list's query may redraw it
      await options(page).first().click({ force: true });
      await dialog.locator(".ant-modal-title").click(); // closes the list, which stays open for more
      await noOpenList(page);
      await dialog.getByLabel("Kết luận").fill("Thống nhất tháo gỡ vướng mắc về vốn đối ứng.");
      await dialog.getByRole("button", { name: "Lưu" }).click();
      await dialog.waitFor({ state: "hidden", timeout: 5000 }).catch(async (error) => {
        const shown = await dialog.evaluate((el) => el.textContent);
        throw new Error(`the dialog stayed open: ${shown}`, { cause: error });
      });
      await page.getByText("Đã ghi nhận đoàn công tác.").waitFor();
      const row = card
        .getByRole("row")
        .filter({ hasText: "Làm việc với Đảng ủy xã Trung An về xây dựng nông thôn mới" });
      await row.getByText("20/09/2016").waitFor();
      await row.getByRole("link", { name: "Xã Trung An" }).waitFor();
      expect(await heading.innerText()).toBe(`Đoàn công tác (${before + 1})`);
    });
  },
);
