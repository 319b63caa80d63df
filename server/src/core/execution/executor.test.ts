import { ApolloServer } from "@apollo/server";
import { buildSchema, execute, GraphQLError, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { compileQuery } from "graphql-jit";
import { createJitExecutor, executionOptions, jitEnabled, jitExecutions, type JitExecutor } from "./executor";

jest.mock("graphql-jit", () => {
  const actual = jest.requireActual("graphql-jit");
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compilations = compileQuery as jest.MockedFunction<typeof compileQuery>;

/** The parts of Apollo's gateway request context the executor reads. */
function requestContext(
  document: DocumentNode,
  queryHash: string,
  request: { operationName?: string; variables?: Record<string, unknown> } = {},
) {
  return {
    document,
    queryHash,
    request,
    context: {},
    operation: undefined,
  } as unknown as Parameters<JitExecutor>[0];
}

const schema: GraphQLSchema = buildSchema(`
  type Query { hello(name: String = "world"): String! fails: String calls: Int! nested: Nested }
  type Nested { missing: String! fine: Int }
`);
let calls = 0;
const rootResolvers = {
  hello: ({ name }: { name: string }) => `hello ${name}`,
  fails: () => {
    throw new Error("no");
  },
  calls: () => ++calls,
  nested: () => ({ missing: null, fine: 1 }),
};
for (const [name, resolve] of Object.entries(rootResolvers))
  schema.getQueryType()!.getFields()[name].resolve = (_root, args) => resolve(args as { name: string });

const counts = async () => {
  const values = (await jitExecutions.get()).values;
  const of = (executor: string) => values.find((v) => v.labels.executor === executor)?.value ?? 0;
  return { jit: of("jit"), first: of("first"), fallback: of("fallback") };
};

describe("GRAPHQL_JIT", () => {
  it("is on unless set to off, and refuses anything else", () => {
    expect(jitEnabled({})).toBe(true);
    expect(jitEnabled({ GRAPHQL_JIT: "on" })).toBe(true);
    expect(jitEnabled({ GRAPHQL_JIT: "off" })).toBe(false);
    expect(jitEnabled({ GRAPHQL_JIT: " OFF " })).toBe(false);
    expect(() => jitEnabled({ GRAPHQL_JIT: "false" })).toThrow(
      'GRAPHQL_JIT must be "on" or "off", not "false".',
    );
  });

  it("gives Apollo the schema when off and a gateway over it otherwise", async () => {
    expect(executionOptions(schema, { GRAPHQL_JIT: "off" })).toEqual({ schema });
    const options = executionOptions(schema, {});
    if (!("gateway" in options)) throw new Error("expected a gateway");
    let announced: GraphQLSchema | undefined;
    options.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (announced = apiSchema));
    expect(announced).toBe(schema);
    const { executor } = await options.gateway.load({ apollo: {} as never });
    expect(typeof executor).toBe("function");
  });
});

describe("Apollo Server over the graphql-jit gateway", () => {
  it("still runs every plugin hook, formatError and extensions, and executes with graphql-jit", async () => {
    const hooks: string[] = [];
    const server = new ApolloServer({
      ...executionOptions(schema, {}),
      formatError: (formatted) => ({ ...formatted, message: `formatted: ${formatted.message}` }),
      plugins: [
        {
          async requestDidStart() {
            return {
              async didResolveOperation({ operationName }) {
                hooks.push(`didResolveOperation ${operationName}`);
              },
              async executionDidStart() {
                hooks.push("executionDidStart");
                return {
                  async executionDidEnd() {
                    hooks.push("executionDidEnd");
                  },
                };
              },
              async didEncounterErrors({ errors }) {
                hooks.push(`didEncounterErrors ${errors.map((e) => e.message).join()}`);
              },
              async willSendResponse({ response }) {
                hooks.push("willSendResponse");
                if (response.body.kind === "single") response.body.singleResult.extensions = { seen: true };
              },
            };
          },
        },
      ],
    });
    await server.start();
    try {
      const before = await counts();
      // The first execution of a document runs on graphql-js, the second compiles it: both give the same.
      for (const executor of ["first", "jit"]) {
        hooks.length = 0;
        const response = await server.executeOperation({ query: `query Q { hello fails }` });
        if (response.body.kind !== "single") throw new Error("expected a single result");
        expect(response.body.singleResult).toEqual({
          data: { hello: "hello world", fails: null },
          errors: [
            {
              message: "formatted: no",
              locations: [{ line: 1, column: 17 }],
              path: ["fails"],
              extensions: { code: "INTERNAL_SERVER_ERROR" },
            },
          ],
          extensions: { seen: true },
        });
        expect(hooks).toEqual([
          "didResolveOperation Q",
          "executionDidStart",
          "didEncounterErrors no",
          "executionDidEnd",
          "willSendResponse",
        ]);
        expect(await counts()).toEqual({
          jit: before.jit + (executor === "jit" ? 1 : 0),
          first: before.first + 1,
          fallback: before.fallback,
        });
      }
    } finally {
      await server.stop();
    }
  });
});

describe("the graphql-jit executor", () => {
  it("runs a document as graphql-js does, with variables and defaults", async () => {
    const executor = createJitExecutor(schema, { compileAt: 1 });
    const document = parse(`query($n: String) { a: hello(name: $n) b: hello fails }`);
    const jit = await executor(requestContext(document, "h1", { variables: { n: "Cần Thơ" } }));
    const js = await execute({ schema, document, variableValues: { n: "Cần Thơ" } });
    expect(JSON.parse(JSON.stringify(jit))).toEqual(JSON.parse(JSON.stringify(js)));
    expect(jit.data).toEqual({ a: "hello Cần Thơ", b: "hello world", fails: null });
    expect(jit.errors?.map((e) => [e.message, e.path])).toEqual([["no", ["fails"]]]);
  });

  it("gives errors graphql-js's shape: extensions, locations, path, original error", async () => {
    const executor = createJitExecutor(schema, { compileAt: 1 });
    const document = parse(`{ fails nested { fine missing } }`);
    const jit = await executor(requestContext(document, "errors"));
    const js = await execute({ schema, document });
    expect(jit.data).toEqual(js.data);
    expect(jit.data).toEqual({ fails: null, nested: null });
    const shape = (e: GraphQLError) => ({
      message: e.message,
      locations: e.locations,
      path: e.path,
      // Apollo reads extensions.code of every error before formatError.
      extensions: { ...e.extensions },
      original: e.originalError?.message,
      isGraphQLError: e instanceof GraphQLError,
    });
    expect(jit.errors?.map(shape)).toEqual(js.errors?.map(shape));
    expect(jit.errors?.map((e) => e.toJSON())).toEqual(js.errors?.map((e) => e.toJSON()));
    expect(jit.errors).toHaveLength(2);
  });

  it("compiles a document at its second execution by default; the first runs on graphql-js", async () => {
    const executor = createJitExecutor(schema);
    const document = parse(`{ hello calls }`);
    const before = await counts();
    compilations.mockClear();
    const first = await executor(requestContext(document, "seen"));
    expect(compilations).not.toHaveBeenCalled();
    expect(executor.cached).toBe(0);
    const second = await executor(requestContext(document, "seen"));
    const third = await executor(requestContext(document, "seen"));
    expect(compilations).toHaveBeenCalledTimes(1);
    expect([first.data, second.data, third.data].map((d) => d?.hello)).toEqual(Array(3).fill("hello world"));
    expect(await counts()).toEqual({
      jit: before.jit + 2,
      first: before.first + 1,
      fallback: before.fallback,
    });
  });

  it("compiles a document once per operation name and keeps at most `max` of them", async () => {
    const executor = createJitExecutor(schema, { max: 2, compileAt: 1 });
    calls = 0;
    const two = parse(`query A { calls } query B { hello }`);
    const before = await counts();
    compilations.mockClear();
    expect((await executor(requestContext(two, "two", { operationName: "A" }))).data).toEqual({ calls: 1 });
    expect((await executor(requestContext(two, "two", { operationName: "A" }))).data).toEqual({ calls: 2 });
    expect(compilations).toHaveBeenCalledTimes(1);
    expect(executor.cached).toBe(1);
    expect((await executor(requestContext(two, "two", { operationName: "B" }))).data).toEqual({
      hello: "hello world",
    });
    expect(executor.cached).toBe(2);
    await executor(requestContext(parse(`{ calls }`), "three"));
    expect(executor.cached).toBe(2);
    // A was the oldest: dropped, and compiled again when it comes back.
    await executor(requestContext(two, "two", { operationName: "A" }));
    expect(compilations).toHaveBeenCalledTimes(4);
    expect(await counts()).toEqual({ ...before, jit: before.jit + 5 });
  });

  it("leaves to graphql-js what it cannot compile or refuses before execution, and counts it", async () => {
    const executor = createJitExecutor(schema, { compileAt: 1 });
    const document = parse(`query A($n: String!) { hello(name: $n) }`);
    const before = await counts();
    // No such operation: graphql-jit does not compile it.
    const unknown = await executor(requestContext(document, "h", { operationName: "Z" }));
    expect(unknown).toEqual(await execute({ schema, document, operationName: "Z" }));
    expect(unknown.errors?.[0].message).toBe('Unknown operation named "Z".');
    // A variable that does not coerce: graphql-js's error, with its nodes (Apollo makes it BAD_USER_INPUT).
    const missing = await executor(requestContext(document, "h", { variables: {} }));
    const js = await execute({ schema, document, variableValues: {} });
    expect(missing).toEqual(js);
    expect(missing.errors?.[0].nodes).toHaveLength(1);
    expect(await counts()).toEqual({ ...before, fallback: before.fallback + 2 });
  });
});
