import { startTestServer, type TestClient, type TestServer } from "../test/harness";

describe("cursor pagination", () => {
  let server: TestServer;
  let api: TestClient;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    api = await server.as("viewer.city");
  });
  afterAll(() => server?.stop());

  it("walks every Thới Lai cell exactly once, in Vietnamese name order, 25 at a time", async () => {
    const seen: { id: string; name: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await api.data(
        `query($after: String) { orgUnit(code: "927") { descendants(levels: [CELL], first: 25, after: $after) {
          totalCount nodes { id name } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
        { after },
      );
      const page = data.orgUnit.descendants;
      expect(page.totalCount).toBe(108);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.nodes);
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(108);
    expect(new Set(seen.map((u) => u.id)).size).toBe(108);
    const collator = new Intl.Collator("vi");
    for (let i = 1; i < seen.length; i++)
      expect(collator.compare(seen[i - 1].name, seen[i].name)).toBeLessThanOrEqual(0);
  });

  it("returns an empty page with totalCount for first: 0", async () => {
    const data = await api.data(
      `{ pledges(first: 0, filter: { year: 2016 }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(data.pledges.nodes).toEqual([]);
    expect(data.pledges.totalCount).toBeGreaterThan(0);
    expect(data.pledges.pageInfo.endCursor).toBeNull();
  });

  it("filters pledges by subtree, year and status consistently with the summary", async () => {
    const data = await api.data(`{
      confirmed: pledges(filter: { under: { code: "925" }, year: 2016, statuses: [CONFIRMED] }) { totalCount }
      orgUnit(code: "925") { summary(year: 2016) { pledgesByStatus { status count } } }
    }`);
    const fromSummary =
      data.orgUnit.summary.pledgesByStatus.find((s: { status: string }) => s.status === "CONFIRMED")?.count ??
      0;
    expect(data.confirmed.totalCount).toBe(fromSummary);
    expect(fromSummary).toBeGreaterThan(0);
  });
});
