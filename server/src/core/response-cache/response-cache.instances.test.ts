import { toGlobalId } from "../../core/global-id";
import { createDataSource } from "../../db/data-source";
import { migrate } from "../../db/migrate";
import { seed } from "../../demo/seed";
import { createTestDatabase, describeWithServices, type TestDatabase } from "../../test/databases";
import { buildServerForProcesses, startInstance, type Instance } from "../../test/instances";
import type { DataSource } from "typeorm";

const SECRET = "response-cache-test-secret-that-is-long-enough-0123";
const PLEDGE = `query($id: ID!) { node(id: $id) { ... on Pledge { id status version } } }`;

/**
 * Two server processes on one MariaDB, each with its own response cache: a mutation committed through one is
 * seen by the next query on the other at once, since both read the data version from the database before
 * serving anything.
 */
describeWithServices("the response cache across server processes", () => {
  let database: TestDatabase;
  let db: DataSource;
  const started: Instance[] = [];

  beforeAll(async () => {
    buildServerForProcesses();
    database = await createTestDatabase("mysql");
    db = createDataSource(database.config);
    await db.initialize();
    await migrate(db);
    await seed(db);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(started.map((i) => i.stop()));
    await db?.destroy();
    await database?.drop();
  });

  const instance = async () => {
    // No Redis: nothing tells the other process about the change but the database itself.
    const one = await startInstance({
      DATABASE_URL: database.config.DATABASE_URL,
      JWT_SECRET: SECRET,
      REDIS_URL: "",
    });
    started.push(one);
    return one;
  };

  const read = async (target: Instance, token: string, id: string) => {
    const response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PLEDGE, variables: { id } }),
    });
    const body = (await response.json()) as { data: { node: { status: string; version: number } } };
    return { cache: response.headers.get("x-response-cache"), ...body.data.node };
  };

  it("shows a confirmation made on instance A in the next query on instance B", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const rows: { id: number }[] = await db.query(
      `SELECT p.id FROM pledge p JOIN org_unit u ON u.id = p.unit_id JOIN org_unit x ON x.id = u.parent_id
       WHERE x.code = '925.02' AND p.status = 'REGISTERED' ORDER BY p.id LIMIT 1`,
    );
    const id = toGlobalId("Pledge", rows[0].id);
    const [memberOnA, committeeOnA, committeeOnB] = await Promise.all([
      a.signIn("member.codo"),
      a.signIn("committee.trungan"),
      b.signIn("committee.trungan"),
    ]);
    expect(await read(b, committeeOnB, id)).toMatchObject({ cache: "miss", status: "REGISTERED" });
    expect(await read(b, committeeOnB, id)).toMatchObject({ cache: "hit", status: "REGISTERED" });

    const steps: [string, string, string][] = [
      [
        memberOnA,
        `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Xong" }) { id } }`,
        "REPORTED",
      ],
      [committeeOnA, `mutation($id: ID!) { confirmPledge(input: { id: $id }) { id } }`, "CONFIRMED"],
    ];
    for (const [token, mutation, status] of steps) {
      const answer = await a.gql(mutation, { id }, token);
      expect(answer.errors).toBeUndefined();
      expect(await read(b, committeeOnB, id)).toMatchObject({ cache: "miss", status });
      expect(await read(b, committeeOnB, id)).toMatchObject({ cache: "hit", status });
    }
  });
});
