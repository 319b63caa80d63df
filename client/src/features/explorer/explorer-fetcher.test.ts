import { createExplorerFetcher, isSubscription } from "./explorer-fetcher";

const okResponse = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

describe("the explorer's fetcher", () => {
  it("sends the signed-in user's token read at request time", async () => {
    let token: string | null = "t0k3n";
    const fetch = jest.fn(async () => okResponse({ data: { viewer: null } }));
    const fetcher = createExplorerFetcher({ url: "/graphql", token: () => token, socket: jest.fn(), fetch });

    await fetcher({ query: "{ viewer { username } }" });
    token = null;
    await fetcher({ query: "{ viewer { username } }" });

    const headersOf = (call: number) =>
      (fetch.mock.calls[call] as unknown as [string, RequestInit])[1].headers;
    expect(headersOf(0)).toMatchObject({ authorization: "Bearer t0k3n", "content-type": "application/json" });
    expect(headersOf(1)).not.toHaveProperty("authorization");
  });

  it("lets the headers editor set its own Authorization (an API key, another token)", async () => {
    const fetch = jest.fn(async () => okResponse({ data: {} }));
    const fetcher = createExplorerFetcher({ url: "/graphql", token: () => "mine", socket: jest.fn(), fetch });
    await fetcher({ query: "{ terms { code } }" }, { headers: { Authorization: "Bearer other" } });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toMatchObject({ authorization: "Bearer other" });
    expect(JSON.parse(String(init.body))).toEqual({ query: "{ terms { code } }" });
  });

  it("returns error bodies as they are, codes included", async () => {
    const body = { errors: [{ message: "Not signed in.", extensions: { code: "UNAUTHENTICATED" } }] };
    const fetch = jest.fn(async () => new Response(JSON.stringify(body), { status: 401 }));
    const fetcher = createExplorerFetcher({ url: "/graphql", token: () => null, socket: jest.fn(), fetch });
    await expect(fetcher({ query: "{ members { totalCount } }" })).resolves.toEqual(body);
  });

  it("runs subscriptions over the socket", () => {
    const iterate = jest.fn(() => (async function* () {})());
    const fetch = jest.fn();
    const fetcher = createExplorerFetcher({
      url: "/graphql",
      token: () => null,
      socket: () => ({ iterate }),
      fetch,
    });
    fetcher({ query: "subscription { events { id } }" });
    expect(iterate).toHaveBeenCalledWith({
      query: "subscription { events { id } }",
      operationName: undefined,
      variables: undefined,
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("isSubscription", () => {
  it("looks at the operation that runs", () => {
    const document = "query A { terms { code } } subscription B { events { id } }";
    expect(isSubscription({ query: document, operationName: "B" })).toBe(true);
    expect(isSubscription({ query: document, operationName: "A" })).toBe(false);
    expect(isSubscription({ query: "{ not closed" })).toBe(false);
  });
});
