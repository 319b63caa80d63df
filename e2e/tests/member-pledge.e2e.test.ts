import { expect, it } from "vitest";
import { screenshot, signInThroughForm } from "../src/browser";
import { waitForHeaderStatus } from "../src/fixtures";
import { describeInChromium } from "../src/suite";

describeInChromium("a member's pledge from registration to rejection, in Chromium", (suite) => {
  it("a member registers and reports a pledge; the commune's committee rejects it with a reason; the member sees both at once", async () => {
    const title = `Nạo vét kênh nội đồng ${Date.now().toString(36)}`;
    const reason = "Chưa có biên bản nghiệm thu của ấp.";

    // member.codo, a Huyện ủy member directing a hamlet cell of xã Trung An, on a phone.
    const { page: member } = await suite.browser({ width: 375, height: 812 });
    await member.goto(`${suite.server().origin}/my-work`);
    await signInThroughForm(member, "member.codo");
    await member.getByRole("heading", { name: "Công việc của tôi" }).waitFor();

    // Register: the form in a dialog.
    await member.getByRole("button", { name: "Đăng ký phần việc" }).first().click();
    const register = member.getByRole("dialog", { name: "Đăng ký phần việc năm 2016" });
    await register.getByLabel("Phần việc").fill(title);
    await register.getByLabel("Lĩnh vực").click();
    await member.locator(".ant-select-item-option[title='Hạ tầng']").click();
    await register.getByLabel("Chỉ tiêu (số lượng)").fill("3");
    await register.getByLabel("Đơn vị tính").fill("km");
    await register.getByRole("button", { name: "Đăng ký phần việc" }).click();
    await register.waitFor({ state: "hidden" });
    const pledge = member.getByRole("listitem").filter({ hasText: title });
    await pledge.getByText("Đã đăng ký", { exact: true }).waitFor();

    // Report it done.
    await pledge.getByRole("button", { name: "Báo cáo hoàn thành" }).click();
    const report = member.getByRole("dialog", { name: "Báo cáo hoàn thành phần việc" });
    await report.getByLabel("Kết quả thực hiện").fill("Đã nạo vét 3 km kênh, nghiệm thu ngày 10/9.");
    await report.getByLabel("Kết quả đạt được (km)").fill("3");
    await report.getByRole("button", { name: "Báo cáo hoàn thành" }).click();
    await report.waitFor({ state: "hidden" });
    await pledge.getByText("Đã báo cáo", { exact: true }).waitFor();
    await waitForHeaderStatus(member, "live");
    await screenshot(member, "member-pledge-1-reported-375px");
    let navigations = 0;
    member.on("framenavigated", (frame) => {
      if (frame === member.mainFrame()) navigations += 1;
    });

    // xã Trung An's committee finds it in its inbox and rejects it with a reason.
    const { page: committee } = await suite.browser({ width: 1280, height: 800 });
    await committee.goto(`${suite.server().origin}/inbox`);
    await signInThroughForm(committee, "committee.trungan");
    const item = committee.getByTestId("inbox-item").filter({ hasText: title });
    await item.getByText("Đã nạo vét 3 km kênh, nghiệm thu ngày 10/9.").waitFor();
    await item.getByRole("button", { name: `Không xác nhận phần việc: ${title}` }).click();
    const dialog = committee.getByRole("dialog", { name: "Không xác nhận phần việc" });
    // A rejection needs its reason: without one the dialog says so and sends nothing.
    await dialog.getByRole("button", { name: "Không xác nhận" }).click();
    await dialog.getByText("Hãy nêu lý do để người đăng ký biết cần bổ sung gì.").waitFor();
    await dialog.getByLabel("Lý do không xác nhận").fill(reason);
    await screenshot(committee, "inbox-reject-dialog");
    await dialog.getByRole("button", { name: "Không xác nhận" }).click();
    await item.waitFor({ state: "detached" });
    await committee.getByText(`Đã không xác nhận: ${title}`).waitFor();

    // The member's open page shows the rejection and its reason, without a reload, and offers to report again.
    await pledge.getByText("Không xác nhận", { exact: true }).waitFor({ timeout: 5000 });
    await pledge.getByText(`Không được xác nhận: ${reason}`).waitFor();
    await pledge.getByRole("button", { name: "Báo cáo lại" }).waitFor();
    expect(navigations).toBe(0);
    await screenshot(member, "member-pledge-2-rejected-375px");

    // And after a reload, the same (it is the server's state, not the page's).
    await member.reload();
    await member
      .getByRole("listitem")
      .filter({ hasText: title })
      .getByText(`Không được xác nhận: ${reason}`)
      .waitFor();
  });
});
