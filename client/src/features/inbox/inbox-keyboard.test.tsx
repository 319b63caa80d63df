/**
 * @jest-environment jsdom
 */
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderInApp } from "../../test/render";
import { InboxCard } from "./InboxCard";
import type { InboxRow } from "./inbox-rows";
import type { InboxPledge } from "./inbox.query";
import { RejectModal } from "./RejectModal";

const unit = { id: "U1", code: "925.02.03", name: "Ấp Trung Thạnh", kind: "HAMLET_CELL" as const };

const pledge = (id: string, title: string): InboxPledge => ({
  id,
  title,
  year: 2016,
  status: "REPORTED",
  version: 2,
  targetQuantity: 2,
  targetUnit: "km",
  achievedQuantity: 2,
  reportNote: "Đã hoàn thành, có biên bản nghiệm thu.",
  evidenceNote: "Biên bản số 12",
  evidenceLinks: ["https://example.org/bien-ban-12.pdf"],
  reportedAt: "2016-09-10T02:00:00Z",
  member: { id: "M1", fullName: "Nguyễn Văn A (minh họa)" },
});

const rows: InboxRow[] = [
  { pledge: pledge("P1", "Láng nhựa 2 km đường"), unit },
  { pledge: pledge("P2", "Sửa nhà văn hóa ấp"), unit },
];

// Typing into Ant Design's inputs re-renders them per key; on a busy machine that takes seconds.
jest.setTimeout(20_000);

/** Presses Tab until `target` has the focus (at most `limit` times); fails if it never does. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement, limit = 20) {
  for (let presses = 0; presses < limit && document.activeElement !== target; presses += 1) await user.tab();
  expect(target).toHaveFocus();
}

describe("the inbox's decisions from the keyboard", () => {
  it("reaches confirm and reject of every pledge with Tab, and Enter or Space decides", async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    const onReject = jest.fn();
    renderInApp(
      <ul>
        {rows.map((row) => (
          <li key={row.pledge.id}>
            <InboxCard
              row={row}
              busy={false}
              onConfirm={() => onConfirm(row.pledge.id)}
              onReject={() => onReject(row.pledge.id)}
            />
          </li>
        ))}
      </ul>,
    );

    const confirmFirst = screen.getByRole("button", { name: "Xác nhận phần việc: Láng nhựa 2 km đường" });
    const rejectFirst = screen.getByRole("button", {
      name: "Không xác nhận phần việc: Láng nhựa 2 km đường",
    });
    const confirmSecond = screen.getByRole("button", { name: "Xác nhận phần việc: Sửa nhà văn hóa ấp" });
    const rejectSecond = screen.getByRole("button", { name: "Không xác nhận phần việc: Sửa nhà văn hóa ấp" });

    await tabTo(user, confirmFirst);
    await user.keyboard("{Enter}");
    expect(onConfirm).toHaveBeenLastCalledWith("P1");
    await user.tab();
    expect(rejectFirst).toHaveFocus(); // right after confirm: two keys apart
    await user.keyboard(" ");
    expect(onReject).toHaveBeenLastCalledWith("P1");

    // In document order, the second pledge's controls come after the first's.
    await tabTo(user, confirmSecond);
    await user.keyboard("{Enter}");
    expect(onConfirm).toHaveBeenLastCalledWith("P2");
    await user.tab();
    expect(rejectSecond).toHaveFocus();
    expect(onConfirm).toHaveBeenCalledTimes(2);
    expect(onReject).toHaveBeenCalledTimes(1);
  });

  it("keeps reject reachable but unusable while a decision is on its way", async () => {
    renderInApp(<InboxCard row={rows[0]} busy onConfirm={jest.fn()} onReject={jest.fn()} />);
    expect(screen.getByRole("button", { name: /^Không xác nhận phần việc/ })).toBeDisabled();
  });

  it("takes the reason in the dialog, which opens on the reason and is sent with the keyboard", async () => {
    const user = userEvent.setup();
    const onReject = jest.fn(async () => undefined);
    const onClose = jest.fn();
    renderInApp(<RejectModal row={rows[0]} onReject={onReject} onClose={onClose} />);

    const dialog = await screen.findByRole("dialog", { name: "Không xác nhận phần việc" });
    const reason = screen.getByRole("textbox", { name: "Lý do không xác nhận" });
    await waitFor(() => expect(reason).toHaveFocus());

    // Without a reason, the dialog says what is missing and sends nothing.
    const send = screen.getByRole("button", { name: "Không xác nhận" });
    await tabTo(user, send);
    await user.keyboard("{Enter}");
    expect(
      await screen.findByText("Hãy nêu lý do để người đăng ký biết cần bổ sung gì."),
    ).toBeInTheDocument();
    expect(onReject).not.toHaveBeenCalled();

    await tabTo(user, reason);
    await user.keyboard("Thiếu biên bản.");
    await tabTo(user, send);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(onReject).toHaveBeenCalledWith(rows[0], "Thiếu biên bản."));
    expect(dialog).toBeInTheDocument();
  });

  it("closes with Escape without deciding", async () => {
    const user = userEvent.setup();
    const onReject = jest.fn(async () => undefined);
    const onClose = jest.fn();
    renderInApp(<RejectModal row={rows[1]} onReject={onReject} onClose={onClose} />);
    await screen.findByRole("dialog", { name: "Không xác nhận phần việc" });
    await act(async () => {
      await user.keyboard("{Escape}");
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onReject).not.toHaveBeenCalled();
  });
});
