import { ApolloClient, ApolloLink, InMemoryCache, gql } from "@apollo/client";
import { Observable } from "rxjs";
import { UnitLabelDocument } from "../gql/graphql";
import manifest from "../gql/persisted-documents.json";
import { persistedHashOf, persistedOperationsLink } from "./persisted-operations";

interface Sent {
  operationName: string;
  hash: string | null;
  includeQuery: boolean | undefined;
}

/** A client whose terminating link records what would be sent and answers with `answer(attempt)`. */
function clientRecording(answer: (attempt: number) => Record<string, unknown>) {
  const sent: Sent[] = [];
  const terminal = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const persisted = operation.extensions.persistedQuery as { sha256Hash?: string } | undefined;
        sent.push({
          operationName: operation.operationName ?? "",
          hash: persisted?.sha256Hash ?? null,
          includeQuery: operation.getContext().http?.includeQuery,
        });
        observer.next(answer(sent.length) as never);
        observer.complete();
      }),
  );
  const client = new ApolloClient({
    link: persistedOperationsLink().concat(terminal),
    cache: new InMemoryCache(),
  });
  return { client, sent };
}

const unit = { __typename: "OrgUnit", id: "T3JnVW5pdDox", code: "925", name: "Cờ Đỏ", kind: "HUYEN" };

describe("persisted operations (client side)", () => {
  it("gives every generated document the hash of its manifest entry", () => {
    const hash = persistedHashOf(UnitLabelDocument);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest)).toContain(hash);
    expect((manifest as Record<string, string>)[hash as string]).toContain("query UnitLabel(");
  });

  it("sends a generated document as its hash only", async () => {
    const { client, sent } = clientRecording(() => ({ data: { orgUnit: unit } }));
    await client.query({ query: UnitLabelDocument, variables: { code: "925" } });
    expect(sent).toEqual([
      { operationName: "UnitLabel", hash: persistedHashOf(UnitLabelDocument), includeQuery: false },
    ]);
  });

  it("resends the full document once when the server does not know the hash", async () => {
    const { client, sent } = clientRecording((attempt) =>
      attempt === 1
        ? {
            errors: [
              { message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
            ],
          }
        : { data: { orgUnit: unit } },
    );
    const result = await client.query({ query: UnitLabelDocument, variables: { code: "925" } });
    expect(result.data?.orgUnit?.name).toBe("Cờ Đỏ");
    expect(sent.map((s) => s.includeQuery)).toEqual([false, true]);
  });

  it("sends a document written with gql in full, without a hash", async () => {
    const { client, sent } = clientRecording(() => ({ data: { ntmCriteria: [] } }));
    await client.query({
      query: gql`
        query Criteria {
          ntmCriteria {
            number
          }
        }
      `,
    });
    expect(sent).toEqual([{ operationName: "Criteria", hash: null, includeQuery: undefined }]);
  });
});
