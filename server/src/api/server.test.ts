import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "../test/harness";

describe("the server", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer("sqlite");
  });
  afterAll(() => api?.stop());

  it("answers GET /healthz after checking the database", async () => {
    const response = await fetch(api.server.url.replace(/\/graphql$/, "/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
  });

  it("reports 503 from /healthz when the database is gone", async () => {
    const other = await startTestServer("sqlite", { seed: false });
    await other.db.destroy();
    const response = await fetch(other.server.url.replace(/\/graphql$/, "/healthz"));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { status: string }).status).toBe("unavailable");
    await other.server.stop();
    await other.database.drop();
  });

  it("serves graphql-ws on the same port and path as HTTP", async () => {
    const client = createClient({ url: api.server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const result = await new Promise<any>((resolve, reject) => {
      let value: unknown;
      client.subscribe(
        { query: `{ orgUnit(code: "925") { name kind } }` },
        { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
      );
    });
    expect(result.data.orgUnit).toEqual({ name: "Cờ Đỏ", kind: "RURAL_DISTRICT" });
    await client.dispose();
  });

  it("drains on stop: open WebSockets are closed, the port stops accepting, in-flight requests finish", async () => {
    const other = await startTestServer("sqlite");
    const socket = new WebSocket(other.server.wsUrl, "graphql-transport-ws");
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    const inFlight = other.gql(
      `{ orgUnits(first: 100, filter: { levels: [CELL] }) { totalCount nodes { name } } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await other.server.stop();
    const finished = await inFlight;
    expect(finished.data?.orgUnits.nodes.length).toBe(100);
    expect(await closed).toBeGreaterThan(0);
    await expect(fetch(other.server.url.replace(/\/graphql$/, "/healthz"))).rejects.toThrow();
    await other.db.destroy();
    await other.database.drop();
  });
});
