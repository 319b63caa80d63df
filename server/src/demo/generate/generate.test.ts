import { createHash } from "node:crypto";
import path from "node:path";
import type { DataSource } from "typeorm";
import { startServer } from "../../app";
import { toGlobalId } from "../../core/global-id";
import { createDataSource } from "../../db/data-source";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../../test/databases";
import { migrate } from "../../db/migrate";
import { buildCanThoDemo, DEMO_SEED } from "../can-tho";
import { seed } from "../seed";
import { generate, type GenerateReport } from "./generate";
import { PledgeStore, type PledgeRow } from "./pledge-store";
import { snapshot } from "../../core/mutation";
import { Random } from "../random";
import type { BulkWriter } from "./bulk-writer";
import { allocate, buildNational } from "./national.builder";
import { COUNTRY_SCALES } from "./scales";
import { utcDatetime } from "./table-spec";
import { DateUtils } from "typeorm/util/DateUtils";

/** Options that point the generator at a test database. */
function targetOf(database: TestDatabase) {
  return database.dialect === "mysql"
    ? { databaseUrl: database.config.DATABASE_URL }
    : { sqliteFile: path.join(database.config.DATA_DIR, database.config.SQLITE_FILE) };
}

async function open(database: TestDatabase): Promise<DataSource> {
  const db = createDataSource(database.config);
  await db.initialize();
  return db;
}

/** A digest of whole tables, row by row in id order (the password hash has a random salt: left out). */
async function checksum(db: DataSource, table: string, columns = "*"): Promise<string> {
  const rows = (await db.query(`SELECT ${columns} FROM ${table} ORDER BY id`)) as Record<string, unknown>[];
  const hash = createHash("sha256");
  for (const row of rows)
    hash.update(
      JSON.stringify(Object.values(row).map((v) => (v instanceof Date ? v.toISOString() : String(v)))),
    );
  return `${rows.length}:${hash.digest("hex")}`;
}

/** Every table's definition, indexes included (MySQL's AUTO_INCREMENT counter left out). */
async function schemaOf(db: DataSource, dialect: "sqlite" | "mysql"): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (dialect === "sqlite") {
    const rows = (await db.query(
      "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name",
    )) as { name: string; sql: string }[];
    for (const row of rows) out[row.name] = row.sql;
    return out;
  }
  const tables = (await db.query("SHOW TABLES")) as Record<string, string>[];
  for (const row of tables) {
    const table = Object.values(row)[0];
    const [create] = (await db.query(`SHOW CREATE TABLE \`${table}\``)) as Record<string, string>[];
    out[table] = create["Create Table"].replace(/ AUTO_INCREMENT=\d+/, "");
  }
  return out;
}

const TABLES = [
  "org_unit",
  "member",
  "position",
  "assignment",
  "pledge",
  "visit",
  "ntm_criterion_status",
  "concern",
  "event",
];

interface EventRow {
  id: number;
  occurred_at: string | Date;
  action: string;
  entity_type: string;
  entity_id: number;
  unit_id: number;
  unit_path: string;
  before: string | null;
  after: string | null;
}

const NEXT: Record<string, string[]> = {
  REGISTERED: ["PLEDGE_REPORTED", "PLEDGE_WITHDRAWN"],
  REPORTED: ["PLEDGE_CONFIRMED", "PLEDGE_REJECTED"],
  REJECTED: ["PLEDGE_REPORTED"],
  CONFIRMED: [],
  WITHDRAWN: [],
};

describeEachDatabase("demo:generate --scale tiny", (dialect) => {
  const databases: TestDatabase[] = [];
  let report: GenerateReport;
  let db: DataSource;

  beforeAll(async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    report = await generate({ scale: "tiny", seed: 7, ...targetOf(database), progressSeconds: 0 });
    db = await open(database);
  }, 60000);

  afterAll(async () => {
    await db?.destroy();
    for (const database of databases) await database.drop();
  });

  it("loads every kind of row and counts them in the database", () => {
    const { counts } = report;
    expect(counts.org_unit).toBe(1 + 2 + 5 + 24 + 120);
    for (const table of [
      "member",
      "position",
      "assignment",
      "pledge",
      "visit",
      "ntm_criterion_status",
      "concern",
      "app_user",
    ])
      expect(counts[table]).toBeGreaterThan(0);
    // Every pledge has at least its registration event, plus the closing DEMO_DATA_LOADED.
    expect(counts.event).toBeGreaterThan(counts.pledge);
  });

  it("gives the same rows for the same seed, and other rows for another seed", async () => {
    const again = await createTestDatabase(dialect);
    const other = await createTestDatabase(dialect);
    databases.push(again, other);
    await generate({ scale: "tiny", seed: 7, ...targetOf(again), progressSeconds: 0 });
    await generate({ scale: "tiny", seed: 8, ...targetOf(other), progressSeconds: 0 });
    const [dbAgain, dbOther] = [await open(again), await open(other)];
    try {
      for (const table of TABLES) {
        const first = await checksum(db, table);
        expect(`${table} ${await checksum(dbAgain, table)}`).toBe(`${table} ${first}`);
        if (["org_unit", "pledge", "event"].includes(table))
          expect(await checksum(dbOther, table)).not.toBe(first);
      }
      const users = "id, username, display_name, roles, unit_id, member_id";
      expect(await checksum(dbAgain, "app_user", users)).toBe(await checksum(db, "app_user", users));
    } finally {
      await dbAgain.destroy();
      await dbOther.destroy();
    }
  }, 60000);

  it("leaves the schema as the migrations made it (indexes dropped for the load are back)", async () => {
    const fresh = await createTestDatabase(dialect);
    databases.push(fresh);
    const migrated = await open(fresh);
    try {
      await migrate(migrated);
      expect(await schemaOf(db, dialect)).toEqual(await schemaOf(migrated, dialect));
    } finally {
      await migrated.destroy();
    }
  });

  it("keeps references and materialised paths consistent", async () => {
    const zero = async (label: string, sql: string) => {
      const rows = (await db.query(sql)) as { n: number | string }[];
      expect(`${label}: ${Number(rows[0].n)}`).toBe(`${label}: 0`);
    };
    const concat = dialect === "mysql" ? "CONCAT(p.path, c.id, '/')" : "p.path || c.id || '/'";
    await zero(
      "units whose path is not the parent's path plus their id",
      `SELECT COUNT(*) AS n FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
       WHERE c.path <> ${concat} OR c.depth <> p.depth + 1`,
    );
    await zero(
      "units without a parent besides the root",
      "SELECT COUNT(*) - 1 AS n FROM org_unit WHERE parent_id IS NULL",
    );
    await zero(
      "pledges whose unit or member differs from their assignment's",
      `SELECT COUNT(*) AS n FROM pledge p LEFT JOIN assignment a ON a.id = p.assignment_id
       WHERE a.id IS NULL OR a.unit_id <> p.unit_id OR a.member_id <> p.member_id`,
    );
    await zero(
      "decided pledges not decided by the unit above",
      `SELECT COUNT(*) AS n FROM pledge p JOIN org_unit u ON u.id = p.unit_id
       WHERE p.status IN ('CONFIRMED', 'REJECTED') AND (p.decided_by_unit_id IS NULL OR p.decided_by_unit_id <> u.parent_id)`,
    );
    await zero(
      "visits whose unit or member differs from their assignment's",
      `SELECT COUNT(*) AS n FROM visit v LEFT JOIN assignment a ON a.id = v.assignment_id
       WHERE a.id IS NULL OR a.unit_id <> v.unit_id OR a.member_id <> v.member_id`,
    );
    await zero(
      "assignments to missing members, units or directives",
      `SELECT COUNT(*) AS n FROM assignment a LEFT JOIN member m ON m.id = a.member_id
       LEFT JOIN org_unit u ON u.id = a.unit_id LEFT JOIN directive d ON d.id = a.directive_id
       WHERE m.id IS NULL OR u.id IS NULL OR d.id IS NULL`,
    );
    await zero(
      "events whose unit path is not their unit's",
      "SELECT COUNT(*) AS n FROM event e LEFT JOIN org_unit u ON u.id = e.unit_id WHERE u.path IS NULL OR u.path <> e.unit_path",
    );
    await zero(
      "xã without all 19 criteria assessed for 2016",
      `SELECT COUNT(*) AS n FROM org_unit u WHERE u.kind = 'COMMUNE' AND
       (SELECT COUNT(*) FROM ntm_criterion_status s WHERE s.unit_id = u.id AND s.year = 2016) <> 19`,
    );
  });

  it("writes each pledge's history as events with ascending ids, ending in the pledge's row", async () => {
    const events = (await db.query(
      "SELECT id, occurred_at, action, entity_type, entity_id, unit_id, unit_path, `before`, `after` FROM event ORDER BY id".replace(
        /`/g,
        dialect === "mysql" ? "`" : '"',
      ),
    )) as EventRow[];
    const pledges = (await db.query("SELECT id, status, version FROM pledge")) as {
      id: number;
      status: string;
      version: number;
    }[];
    let previous: { id: number; at: number } = { id: 0, at: 0 };
    const last = new Map<number, { status: string; version: number; state: string | null }>();
    for (const event of events) {
      const at = new Date(
        event.occurred_at instanceof Date ? event.occurred_at : `${event.occurred_at.replace(" ", "T")}Z`,
      ).getTime();
      expect(event.id).toBe(previous.id + 1);
      expect(at).toBeGreaterThanOrEqual(previous.at);
      previous = { id: event.id, at };
      if (event.entity_type !== "Pledge") continue;
      const after = JSON.parse(event.after!) as Record<string, unknown>;
      const before = event.before == null ? null : (JSON.parse(event.before) as Record<string, unknown>);
      const seen = last.get(event.entity_id);
      if (!seen) expect(event.action).toBe("PLEDGE_REGISTERED");
      else {
        expect(NEXT[seen.status]).toContain(event.action);
        expect(before).toEqual(JSON.parse(seen.state!));
        expect(after.version).toBe(seen.version + 1);
      }
      expect(after.id).toBe(event.entity_id);
      expect(after.unitId).toBe(event.unit_id);
      last.set(event.entity_id, {
        status: after.status as string,
        version: after.version as number,
        state: event.after,
      });
    }
    expect(last.size).toBe(pledges.length);
    for (const pledge of pledges) {
      const final = last.get(pledge.id)!;
      expect(`${pledge.id} ${final.status} v${final.version}`).toBe(
        `${pledge.id} ${pledge.status} v${pledge.version}`,
      );
    }
    expect(events[events.length - 1].action).toBe("DEMO_DATA_LOADED");
  });

  it("serves the generated data through the API", async () => {
    const database = databases[0];
    const server = await startServer(database.config, db);
    try {
      const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
        const response = await fetch(server.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: any; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        return body.data;
      };
      const { signIn } = await post(
        "mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }",
        { u: "admin", p: "demo-2016" },
      );
      const token = signIn.token as string;
      const units = await post(
        `{ orgUnit(code: "01") { name kind children { code name }
           descendants(levels: [CELL], first: 5) { totalCount nodes { name } } } }`,
        {},
        token,
      );
      expect(units.orgUnit.kind).toBe("CITY");
      expect(units.orgUnit.children.length).toBeGreaterThan(0);
      expect(units.orgUnit.descendants.totalCount).toBeGreaterThan(0);

      const [pledge] = (await db.query(
        "SELECT id, title, status FROM pledge WHERE status = 'CONFIRMED' ORDER BY id LIMIT 1",
      )) as {
        id: number;
        title: string;
        status: string;
      }[];
      const node = await post(
        `query($id: ID!) { node(id: $id) { ... on Pledge { title status version unit { code } } } }`,
        { id: toGlobalId("Pledge", pledge.id) },
        token,
      );
      expect(node.node).toMatchObject({
        title: pledge.title,
        status: "CONFIRMED",
        version: expect.any(Number),
      });

      const [count] = (await db.query("SELECT COUNT(*) AS n FROM pledge WHERE year = 2016")) as {
        n: number | string;
      }[];
      const summary = await post(
        `{ unitSummary(unit: { code: "VN" }, year: 2016) { pledgeCount confirmationRate
           pledgesByStatus { status count } cells { total withDirector } ntm { communeCount communesRecognised } } }`,
        {},
        token,
      );
      expect(summary.unitSummary.pledgeCount).toBe(Number(count.n));
      expect(summary.unitSummary.cells.total).toBe(120);
      expect(summary.unitSummary.ntm.communeCount).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 30000);
});

/** The seed leaves evaluation.updated_at to the database clock; the generator writes a fixed time. */
const columnsOf = (table: string) =>
  table === "evaluation" ? "id, member_id, year, proposed_grade, final_grade, decided_by_unit_id, note" : "*";

describe("demo:generate --scale city", () => {
  it("loads exactly the rows `pnpm db:seed` loads, plus the pledges' and concerns' event log", async () => {
    const seeded = await createTestDatabase("sqlite");
    const generated = await createTestDatabase("sqlite");
    let a: DataSource | null = null;
    let b: DataSource | null = null;
    try {
      a = await open(seeded);
      await migrate(a);
      await seed(a);
      await generate({ scale: "city", ...targetOf(generated), progressSeconds: 0 });
      b = await open(generated);
      for (const table of [
        "org_unit",
        "member",
        "position",
        "directive",
        "assignment",
        "pledge",
        "visit",
        "evaluation",
        "ntm_criterion_status",
        "concern",
      ])
        expect(`${table} ${await checksum(b, table, columnsOf(table))}`).toBe(
          `${table} ${await checksum(a, table, columnsOf(table))}`,
        );
      const [pledges] = (await b.query("SELECT COUNT(*) AS n FROM pledge")) as { n: number }[];
      const [registered] = (await b.query(
        "SELECT COUNT(*) AS n FROM event WHERE action = 'PLEDGE_REGISTERED'",
      )) as { n: number }[];
      expect(Number(registered.n)).toBe(Number(pledges.n));
    } finally {
      await a?.destroy();
      await b?.destroy();
      await seeded.drop();
      await generated.drop();
    }
  }, 30000);

  it("keeps each Cần Thơ pledge in the store exactly, its history ending in its row", () => {
    const data = buildCanThoDemo(DEMO_SEED);
    const store = new PledgeStore();
    for (const row of data.pledges) store.add(row as unknown as PledgeRow);
    data.pledges.forEach((row, i) => {
      expect(store.row(i)).toEqual(row);
      const steps = store.steps(i);
      const { updatedAt: _a, ...last } = steps[steps.length - 1].state;
      const { updatedAt: _b, ...expected } = row as unknown as PledgeRow;
      expect(last).toEqual(expected);
      steps.forEach((step, k) => k > 0 && expect(step.at).toBeGreaterThanOrEqual(steps[k - 1].at));
    });
    expectFastJsonToMatch(store);
  });
});

/** The event log's JSON fast path must write exactly what snapshot + JSON.stringify write for each step. */
function expectFastJsonToMatch(store: PledgeStore): void {
  for (let i = 0; i < store.size; i++) {
    const steps = store.steps(i);
    const full = steps.map((s) => JSON.stringify(snapshot(s.state)));
    expect(store.stepJsons(i)).toEqual(full);
    steps.forEach((s, k) => {
      expect(store.actionOf(i, k)).toBe(s.action);
      expect(store.stepJsons(i, k)).toEqual(full.slice(0, k + 1));
    });
  }
}

describe("row encoding", () => {
  it("writes datetimes as TypeORM does", () => {
    for (const date of [new Date("2016-09-17T23:59:59Z"), new Date("2015-01-05T07:11:01.123Z"), new Date(0)])
      expect(utcDatetime(date)).toBe(DateUtils.mixedDateToUtcDatetimeString(date));
  });
});

describe("the national builder", () => {
  it("splits counts exactly and writes each generated pledge's history as the workflow would", async () => {
    expect(allocate(700, 63, new Random(1)).reduce((a, b) => a + b, 0)).toBe(700);
    expect(Math.min(...allocate(100, 99, new Random(2)))).toBe(1);
    const rows: Record<string, number> = {};
    const writer: BulkWriter = {
      written: new Map(),
      add: (key) => void (rows[key] = (rows[key] ?? 0) + 1),
      checkpoint: async () => undefined,
      finish: async () => undefined,
      close: async () => undefined,
    };
    const { context } = await buildNational(writer, COUNTRY_SCALES.tiny, 3);
    expect(rows.pledges).toBe(context.pledges.size);
    expectFastJsonToMatch(context.pledges);
    const reworked = Array.from(
      { length: context.pledges.size },
      (_, i) => context.pledges.steps(i).length,
    ).filter((n) => n === 5);
    expect(reworked.length).toBeGreaterThan(0);
  });
});
