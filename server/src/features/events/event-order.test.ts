import { codeOf } from "../../test/fixtures";
import { startTestServer, type TestClient, type TestServer } from "../../test/harness";

interface EventPage {
  events: {
    nodes: { id: string; action: string; unit: { code: string } | null }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query($first: Int, $after: String, $order: EventOrder, $under: String) {
  events(first: $first, after: $after, order: $order, filter: { under: { code: $under } }) {
    nodes { id action unit { code } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every page of the log in one order, for one caller. */
async function walk(client: TestClient, order: string, first: number, under = "92") {
  const ids: string[] = [];
  const codes: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const data: EventPage = await client.data<EventPage>(PAGE, { first, after, order, under });
    ids.push(...data.events.nodes.map((e) => e.id));
    codes.push(...data.events.nodes.map((e) => e.unit?.code ?? ""));
    if (!data.events.pageInfo.hasNextPage) return { ids, codes };
    after = data.events.pageInfo.endCursor;
  }
  throw new Error("more than 50 pages");
}

describe("reading the event log newest first", () => {
  let server: TestServer;
  let admin: TestClient;
  const units = ["925", "927", "925.02", "927", "925", "918", "925.02.01"];

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    admin = await server.as("admin");
    // Events in Cờ Đỏ (925) and elsewhere (Thới Lai 927, Bình Thủy 918), interleaved.
    for (const [i, unit] of units.entries())
      await admin.data(
        `mutation($u: String!, $n: String!) { createApiKey(input: { name: $n, unit: { code: $u } }) { secret } }`,
        { u: unit, n: `Đối tác ${i + 1}` },
      );
  });
  afterAll(() => server?.stop());

  it("lists the same events as oldest first, in the reverse order, page after page", async () => {
    const oldest = await walk(admin, "OLDEST_FIRST", 3);
    const newest = await walk(admin, "NEWEST_FIRST", 3);
    expect(oldest.ids.length).toBe(units.length + 1); // and the demo data's DEMO_DATA_LOADED
    expect(newest.ids).toEqual([...oldest.ids].reverse());
    expect(new Set(newest.ids).size).toBe(newest.ids.length);
  });

  it("starts with the latest change and stays stable while new events are written", async () => {
    const first = await admin.data<EventPage>(PAGE, { first: 2, order: "NEWEST_FIRST", under: "92" });
    expect(first.events.nodes.map((e) => e.action)).toEqual(["API_KEY_CREATED", "API_KEY_CREATED"]);
    expect(first.events.nodes[0].unit?.code).toBe(units[units.length - 1]);
    // A new event after the first page does not shift the next one: `after` continues from the cursor.
    await admin.data(`mutation { createApiKey(input: { name: "Muộn", unit: { code: "925" } }) { secret } }`);
    const second = await admin.data<EventPage>(PAGE, {
      first: 2,
      order: "NEWEST_FIRST",
      after: first.events.pageInfo.endCursor,
      under: "92",
    });
    expect(second.events.nodes[0].unit?.code).toBe(units[units.length - 3]);
    const latest = await admin.data<EventPage>(PAGE, { first: 1, order: "NEWEST_FIRST", under: "92" });
    expect(latest.events.nodes[0].id).not.toBe(first.events.nodes[0].id);
  });

  it("never shows a caller an event outside their scope, in either order", async () => {
    const viewer = await server.as("viewer.codo");
    const adminCoDo = await walk(admin, "NEWEST_FIRST", 100, "925");
    for (const order of ["NEWEST_FIRST", "OLDEST_FIRST"]) {
      // Asking for the whole city still gives only Cờ Đỏ's events.
      const seen = await walk(viewer, order, 2, "92");
      expect(seen.codes.length).toBeGreaterThan(0);
      expect(seen.codes.every((code) => code === "925" || code.startsWith("925."))).toBe(true);
      expect(order === "NEWEST_FIRST" ? seen.ids : [...seen.ids].reverse()).toEqual(adminCoDo.ids);
    }
    const thoiLai = await viewer.data<EventPage>(PAGE, { first: 10, order: "NEWEST_FIRST", under: "927" });
    expect(thoiLai.events.nodes).toEqual([]);
  });

  it("refuses anonymous callers and an unknown order with stable codes", async () => {
    expect(codeOf(await server.gql(PAGE, { first: 1, order: "NEWEST_FIRST" }))).toBe("UNAUTHENTICATED");
    const bad = await admin.gql(PAGE, { first: 1, order: "SIDEWAYS" });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
  });
});
