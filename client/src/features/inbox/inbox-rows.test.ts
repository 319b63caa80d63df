import { canConfirm, inboxRows } from "./inbox-rows";
import type { InboxData, InboxPledge } from "./inbox.query";

const pledge = (
  id: string,
  reportedAt: string | null,
  status: InboxPledge["status"] = "REPORTED",
): InboxPledge => ({
  id,
  title: `Phần việc ${id}`,
  year: 2016,
  status,
  version: 2,
  targetQuantity: null,
  targetUnit: null,
  achievedQuantity: null,
  reportNote: null,
  evidenceNote: null,
  evidenceLinks: [],
  reportedAt,
  member: { id: "m", fullName: "Đinh Đức Dũng" },
});

const data: InboxData = {
  orgUnit: {
    id: "x",
    code: "925.02",
    name: "Trung An",
    kind: "COMMUNE",
    children: [
      {
        id: "c1",
        code: "925.02.01",
        name: "Ấp Lộc Thạnh",
        kind: "HAMLET_CELL",
        pledges: [pledge("p1", "2016-07-08T09:00:00.000Z"), pledge("p2", "2016-05-01T09:00:00.000Z")],
      },
      {
        id: "c2",
        code: "925.02.03",
        name: "Ấp An Lộc",
        kind: "HAMLET_CELL",
        pledges: [
          pledge("p3", "2016-06-17T09:00:00.000Z"),
          pledge("p4", "2016-06-18T09:00:00.000Z", "CONFIRMED"),
        ],
      },
    ],
  },
};

describe("the confirmation inbox's rows", () => {
  it("lists the reported pledges of every unit below, the longest waiting first, with their unit", () => {
    const rows = inboxRows(data);
    expect(rows.map((row) => row.pledge.id)).toEqual(["p2", "p3", "p1"]);
    expect(rows[1].unit).toEqual({ id: "c2", code: "925.02.03", name: "Ấp An Lộc", kind: "HAMLET_CELL" });
  });

  it("leaves out pledges decided meanwhile: by this page, or as the cache learnt", () => {
    expect(inboxRows(data, new Set(["p3"])).map((row) => row.pledge.id)).toEqual(["p2", "p1"]);
    expect(inboxRows(data).some((row) => row.pledge.id === "p4")).toBe(false);
  });

  it("is for committees (ADMIN users of the demo hold COMMITTEE too)", () => {
    expect(canConfirm(["COMMITTEE"])).toBe(true);
    expect(canConfirm(["ADMIN", "COMMITTEE"])).toBe(true);
    expect(canConfirm(["VIEWER"])).toBe(false);
    expect(canConfirm(["MEMBER"])).toBe(false);
  });
});
