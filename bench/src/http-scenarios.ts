import { startChild } from "./children.js";
import type { BenchDatabase } from "./databases.js";
import { measureLoad, type LoadOptions, type LoadResult, type LoadTarget } from "./load.js";
import { NODE_QUERY, PAGE_OF_CELLS_QUERY, SUMMARY_COUNTERS_QUERY, SUMMARY_QUERY } from "./queries.js";
import { startServer, type ServerProcess } from "./server-process.js";
import { ratio } from "./stats.js";

export interface HttpOptions extends LoadOptions {
  database: BenchDatabase;
  /** Unit code for (b) and (c); null: 92 (Cần Thơ) when there, else the first province of a national dataset. */
  root: string | null;
  year: number;
  /** Only these scenarios (a, b, c, d); all when absent. */
  only?: string[];
  /** Month of the visit-compliance figure in (c). */
  month: number;
  /** Who asks: a signed-in user (not metered; the wider "user" query limits). */
  user: string;
  cpuProf: boolean;
  /**
   * Also measure each API scenario on a second API process with its response cache on (the first runs with
   * RESPONSE_CACHE=off, so that its figures are those of executing every request).
   */
  responseCache: boolean;
  log: (line: string) => void;
}

export interface HttpScenarioResult {
  id: string;
  title: string;
  /** The API executing every request (RESPONSE_CACHE=off). */
  api: LoadResult;
  /** The same requests to an API process with its response cache on: repeated reads are served at the data version. */
  apiCached?: LoadResult;
  floor?: LoadResult;
  /** API req/s ÷ floor req/s and API p99 ÷ floor p99. */
  ratios?: { rps: number | null; p50: number | null; p99: number | null };
  sqlStatements: number | null;
  responseBytes: number;
}

/** The unit (b) and (c) are about, and the root of the whole tree (a country, on the national dataset). */
async function resolveRoots(server: ServerProcess, token: string, requested: string | null) {
  const cities = await server.data(
    `{ orgUnits(filter: { levels: [CITY], includeRoot: true }, first: 100, orderBy: { field: CODE }) {
         nodes { code parent { code } } } }`,
    {},
    token,
  );
  const nodes = cities.orgUnits.nodes as { code: string; parent: { code: string } | null }[];
  const top = nodes.find((n) => n.parent == null);
  if (!top) throw new Error("the database has no root unit of level CITY");
  const exists = async (code: string) => {
    const { body } = await server.gql(
      `query($c: String!) { orgUnit(code: $c) { code } }`,
      { c: code },
      token,
    );
    return body.data?.orgUnit != null;
  };
  let root = requested ?? "92";
  if (!(await exists(root))) {
    if (requested) throw new Error(`no unit with code ${requested}`);
    // A national dataset: its first province, by code.
    root = nodes.find((n) => n.parent != null)?.code ?? top.code;
  }
  const codes = [top.code];
  return { root, treeRoot: codes[0] };
}

export interface SqlCount {
  pageSize: number;
  statements: number;
  cells: number;
  assignments: number;
  pledges: number;
}

export interface HttpResult {
  scenarios: HttpScenarioResult[];
  sqlPerPage: SqlCount[];
  /** The floor returned the same cells, assignments and pledges as the API (checked once before measuring). */
  floorAgrees: { cells: boolean; summary: boolean };
  /** What the cached API process answered to a repeated request (its x-response-cache header), or why none ran. */
  responseCache: string;
  root: string;
  treeRoot: string;
}

function graphqlTarget(server: ServerProcess, token: string, query: string, variables: object): LoadTarget {
  return {
    url: server.url,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}

function shapeOfPage(data: any) {
  const edges = data.orgUnit.descendants.edges as any[];
  return {
    codes: edges.map((e) => e.node.code).join(","),
    assignments: edges.reduce((n, e) => n + e.node.assignments.length, 0),
    positions: edges.reduce(
      (n, e) => n + e.node.assignments.reduce((m: number, a: any) => m + a.member.positions.length, 0),
      0,
    ),
    pledges: edges.reduce((n, e) => n + e.node.pledges.length, 0),
  };
}

async function sqlStatementsOf(
  server: ServerProcess,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const response = await server.gql(query, variables, token);
  if (response.body.errors?.length) throw new Error(`${JSON.stringify(response.body.errors)}`);
  const header = response.headers.get("x-sql-statements");
  return {
    statements: header == null ? null : Number(header),
    bytes: Buffer.byteLength(JSON.stringify(response.body)),
    data: response.body.data,
  };
}

/**
 * (a) node(id) of a pledge, (b) a page of 50 cells with members, positions and pledges, (c) the city's aggregate;
 * (b) and (c) each followed at once by the same data from the hand-written floor, on the same database.
 */
export async function runHttp(options: HttpOptions): Promise<HttpResult> {
  const server = await startServer({
    databaseUrl: options.database.url,
    dataDir: options.database.dataDir,
    cpuProfName: options.cpuProf ? `http-${Date.now()}.cpuprofile` : undefined,
    env: { RESPONSE_CACHE: "off" },
  });
  // The same build with its response cache on (its default), on the same data; idle while the other is measured.
  const cached =
    options.responseCache && options.database.url
      ? await startServer({ databaseUrl: options.database.url, env: { RESPONSE_CACHE: "on" } })
      : null;
  const floor = await startChild(
    "floor-http.js",
    [
      JSON.stringify({
        databaseUrl: options.database.url || undefined,
        sqliteFile: options.database.sqliteFile,
        root: options.root ?? "92",
        year: options.year,
        month: options.month,
      }),
    ],
    /FLOOR (\d+)/,
  );
  const floorUrl = `http://127.0.0.1:${floor.match[1]}`;
  try {
    const token = await server.signIn(options.user);
    const { root, treeRoot } = await resolveRoots(server, token, options.root);
    const variables = { root, year: options.year };
    const pledge = await server.data(
      `query($year: Int!) { pledges(filter: { year: $year }, first: 1) { nodes { id } } }`,
      { year: options.year },
      token,
    );
    const pledgeId = pledge.pledges.nodes[0]?.id;
    if (!pledgeId) throw new Error(`no pledge in ${options.year} to fetch`);

    // SQL statements per request, and a check that every query answers without errors.
    const sqlPerPage: SqlCount[] = [];
    for (const pageSize of [10, 100]) {
      const r = await sqlStatementsOf(server, token, PAGE_OF_CELLS_QUERY, { ...variables, first: pageSize });
      const shape = shapeOfPage(r.data);
      sqlPerPage.push({
        pageSize,
        statements: r.statements ?? NaN,
        cells: r.data.orgUnit.descendants.edges.length,
        assignments: shape.assignments,
        pledges: shape.pledges,
      });
    }
    const nodeCheck = await sqlStatementsOf(server, token, NODE_QUERY, { id: pledgeId });
    const pageCheck = await sqlStatementsOf(server, token, PAGE_OF_CELLS_QUERY, { ...variables, first: 50 });
    const summaryCheck = await sqlStatementsOf(server, token, SUMMARY_QUERY, {
      ...variables,
      month: options.month,
    });
    options.log(`  root ${root} (tree root ${treeRoot}), year ${options.year}`);

    // Does the second process serve repeated reads from its cache? (An older build has no cache: say so.)
    let responseCache = options.responseCache
      ? "not measured: SQLite (one writer; the second process would share the file)"
      : "not measured (--no-response-cache)";
    let cachedOk = false;
    if (cached) {
      const headers: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await cached.gql(PAGE_OF_CELLS_QUERY, { ...variables, first: 50 }, token);
        if (r.body.errors?.length) throw new Error(`cached API: ${JSON.stringify(r.body.errors)}`);
        if (i === 1 && JSON.stringify(r.body.data) !== JSON.stringify(pageCheck.data))
          throw new Error("the cached API answered (b) differently from the uncached one");
        headers.push(r.headers.get("x-response-cache") ?? "absent");
      }
      cachedOk = headers[1] === "hit";
      responseCache = `x-response-cache on a repeated (b): ${headers.join(" then ")}`;
      options.log(`  response cache: ${responseCache}`);
    }

    // The floor must serve the same data, or the ratio means nothing.
    const floorPage = (await (await fetch(`${floorUrl}/cells?first=50&root=${root}`)).json()) as any;
    const floorSummary = (await (await fetch(`${floorUrl}/summary?root=${root}`)).json()) as any;
    const apiShape = shapeOfPage(pageCheck.data);
    const floorShape = shapeOfPage(floorPage.data);
    const floorAgrees = {
      cells: JSON.stringify(apiShape) === JSON.stringify(floorShape),
      // Every figure, in the same order.
      summary: JSON.stringify(summaryCheck.data) === JSON.stringify(floorSummary.data),
    };
    if (!floorAgrees.cells)
      options.log(
        `  WARNING: the floor's page differs: API ${JSON.stringify(apiShape)} floor ${JSON.stringify(floorShape)}`,
      );
    if (!floorAgrees.summary)
      options.log(
        `  WARNING: the floor's summary differs: API ${JSON.stringify(summaryCheck.data)} floor ${JSON.stringify(floorSummary.data)}`,
      );

    const load = async (label: string, target: LoadTarget): Promise<LoadResult> => {
      options.log(
        `  ${label}: ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s at ${options.connections} connections`,
      );
      const result = await measureLoad(target, options);
      options.log(
        `    ${result.rps} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`,
      );
      if (result.non2xx || result.errors || result.timeouts)
        options.log(
          `    WARNING: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
        );
      return result;
    };
    const scenarios: HttpScenarioResult[] = [];
    const wanted = (id: string) => !options.only || options.only.includes(id);
    if (wanted("a"))
      scenarios.push({
        id: "a",
        title: "node(id) of one pledge",
        api: await load("(a) API node(id)", graphqlTarget(server, token, NODE_QUERY, { id: pledgeId })),
        apiCached: cachedOk
          ? await load("(a) cached API node(id)", graphqlTarget(cached!, token, NODE_QUERY, { id: pledgeId }))
          : undefined,
        sqlStatements: nodeCheck.statements,
        responseBytes: nodeCheck.bytes,
      });
    if (wanted("b")) {
      const pageApi = await load(
        "(b) API page of 50 cells",
        graphqlTarget(server, token, PAGE_OF_CELLS_QUERY, { ...variables, first: 50 }),
      );
      const pageCached = cachedOk
        ? await load(
            "(b) cached API page of 50 cells",
            graphqlTarget(cached!, token, PAGE_OF_CELLS_QUERY, { ...variables, first: 50 }),
          )
        : undefined;
      const pageFloor = await load("(b) floor page of 50 cells", {
        url: `${floorUrl}/cells?first=50&root=${root}`,
        method: "GET",
      });
      scenarios.push({
        id: "b",
        title: "page of 50 cells + members, positions, pledges",
        api: pageApi,
        apiCached: pageCached,
        floor: pageFloor,
        ratios: {
          rps: ratio(pageApi.rps, pageFloor.rps),
          p50: ratio(pageApi.p50, pageFloor.p50),
          p99: ratio(pageApi.p99, pageFloor.p99),
        },
        sqlStatements: pageCheck.statements,
        responseBytes: pageCheck.bytes,
      });
    }
    const summary = async (id: string, title: string, code: string, withCompliance: boolean) => {
      const query = withCompliance ? SUMMARY_QUERY : SUMMARY_COUNTERS_QUERY;
      const vars = withCompliance
        ? { root: code, year: options.year, month: options.month }
        : { root: code, year: options.year };
      const check = await sqlStatementsOf(server, token, query, vars);
      const floorUrlOf = `${floorUrl}/summary?root=${code}&compliance=${withCompliance ? 1 : 0}`;
      const floorCheck = (await (await fetch(floorUrlOf)).json()) as any;
      if (JSON.stringify(check.data) !== JSON.stringify(floorCheck.data)) {
        floorAgrees.summary = false;
        options.log(
          `  WARNING: the floor's (${id}) differs: API ${JSON.stringify(check.data)} floor ${JSON.stringify(floorCheck.data)}`,
        );
      }
      const api = await load(`(${id}) API ${title}`, graphqlTarget(server, token, query, vars));
      const apiCached = cachedOk
        ? await load(`(${id}) cached API ${title}`, graphqlTarget(cached!, token, query, vars))
        : undefined;
      const floor = await load(`(${id}) floor ${title}`, { url: floorUrlOf, method: "GET" });
      scenarios.push({
        id,
        title,
        api,
        apiCached,
        floor,
        ratios: {
          rps: ratio(api.rps, floor.rps),
          p50: ratio(api.p50, floor.p50),
          p99: ratio(api.p99, floor.p99),
        },
        sqlStatements: check.statements,
        responseBytes: check.bytes,
      });
    };
    if (wanted("c"))
      await summary("c", `dashboard aggregate of ${root} (unitSummary + visitComplianceTotals)`, root, true);
    if (wanted("c′") || wanted("c'"))
      await summary("c′", `unitSummary of ${root} (pledges, NTM: the counters)`, root, false);
    // On the national dataset, also the whole country: the worst case for an aggregate.
    if (treeRoot !== root && wanted("d"))
      await summary("d", `unitSummary of the whole tree, ${treeRoot} (pledges, NTM)`, treeRoot, false);
    return { scenarios, sqlPerPage, floorAgrees, responseCache, root, treeRoot };
  } finally {
    await floor.stop();
    await server.stop();
    await cached?.stop();
  }
}
