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

const commune = { id: "x", code: "925.02", name: "Trung An", kind: "COMMUNE" as const };
const cell = (id: string, code: string, name: string) => ({
  id,
  code,
  name,
  kind: "HAMLET_CELL" as const,
  parent: { id: commune.id, code: commune.code },
});
const c1 = cell("c1", "925.02.01", "Ấp Lộc Thạnh");
const c2 = cell("c2", "925.02.03", "Ấp An Lộc");

const data: InboxData = {
  orgUnit: commune,
  pledges: {
    totalCount: 6,
    nodes: [
      { ...pledge("p1", "2016-07-08T09:00:00.000Z"), unit: c1 },
      { ...pledge("p2", "2016-05-01T09:00:00.000Z"), unit: c1 },
      { ...pledge("p3", "2016-06-17T09:00:00.000Z"), unit: c2 },
      { ...pledge("p4", "2016-06-18T09:00:00.000Z", "CONFIRMED"), unit: c2 },
      // The commune's own pledge: the district's committee confirms it, not this one.
      { ...pledge("p5", "2016-04-01T09:00:00.000Z"), unit: { ...commune, parent: { id: "d", code: "925" } } },
    ],
    pageInfo: { hasNextPage: false, endCursor: null },
  },
};

describe("the confirmation inbox's rows", () => {
  it("lists the reported pledges of the units directly below, the longest waiting first, with their unit", () => {
    const rows = inboxRows(data);
    expect(rows.map((row) => row.pledge.id)).toEqual(["p2", "p3", "p1"]);
    expect(rows[1].unit).toEqual({ id: "c2", code: "925.02.03", name: "Ấp An Lộc", kind: "HAMLET_CELL" });
    expect(rows[1].pledge).not.toHaveProperty("unit");
  });

  it("leaves out the committee's own unit's pledges and those further down (others confirm them)", () => {
    const deeper = {
      ...pledge("p6", null),
      unit: { ...cell("c9", "925.02.01.1", "x"), parent: { id: "c1", code: "925.02.01" } },
    };
    const page = { ...data, pledges: { ...data.pledges, nodes: [...data.pledges.nodes, deeper] } };
    expect(inboxRows(page).map((row) => row.pledge.id)).not.toContain("p5");
    expect(inboxRows(page).map((row) => row.pledge.id)).not.toContain("p6");
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
