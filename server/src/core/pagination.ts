import { ClassType, Field, ObjectType, ArgsType, Int } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ApiError, ErrorCode } from "./errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return, from 0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when omitted.`,
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: "Return items after this cursor (an `endCursor` or edge `cursor`).",
  })
  after?: string;
}

@ObjectType("PageInfo", { description: "Where a page sits in the whole list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage: boolean;
  @Field({ description: "True when this page was requested with `after`, so items precede it." })
  hasPreviousPage: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first item of the page, null when it is empty.",
  })
  startCursor: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after` for the next page.",
  })
  endCursor: string | null;
}

/** What a paginated query yields before it is wrapped in its GraphQL connection type. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection type for one node type: `edges { cursor node }`, `nodes`, `pageInfo`, `totalCount`.
 * `totalCount` runs its COUNT query only when a client asks for it.
 */
export function Connection<TNode extends object>(nodeClass: ClassType<TNode>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item; pass it as `after` to continue from here." })
    cursor: string;
    @Field(() => nodeClass, { description: `The ${nodeName}.` })
    node: TNode;
  }

  @ObjectType()
  abstract class ConnectionClass {
    count: () => Promise<number>;

    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Cursors and flags for fetching the next page." })
    pageInfo: PageInfo;

    @Field(() => [nodeClass], { description: "The items of this page, without cursors." })
    nodes(): TNode[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => Int, { description: "How many items match the filter in all pages." })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

/** Wraps a page in an instance of its connection class, so that the class's field methods run. */
export function toConnection<C extends object>(connectionClass: ClassType<C>, page: Page<unknown>): C {
  return Object.assign(new connectionClass(), page);
}

export interface SortKey<T> {
  /** Query-builder path, for example `unit.sortKey`. */
  path: string;
  direction: "ASC" | "DESC";
  value: (row: T) => string | number | null;
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === "string" || typeof v === "number")
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError(ErrorCode.INVALID_CURSOR, `"${cursor}" is not a cursor of this list.`, { cursor });
}

export function checkPageSize(first: number | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new ApiError(
      ErrorCode.PAGE_SIZE_EXCEEDED,
      `first must be between 0 and ${MAX_PAGE_SIZE}; got ${size}.`,
      {
        max: MAX_PAGE_SIZE,
      },
    );
  }
  return size;
}

let parameterSeq = 0;

/**
 * Keyset pagination: orders by the given keys (the last must be unique, such as the primary key) and
 * continues strictly after the cursor's values, so pages stay stable while rows are added.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: { first?: number; after?: string },
  keys: SortKey<T>[],
): Promise<Page<T>> {
  const size = checkPageSize(args.first);
  const countQuery = query.clone();
  const pageQuery = query.clone();
  keys.forEach((key, index) =>
    index === 0 ? pageQuery.orderBy(key.path, key.direction) : pageQuery.addOrderBy(key.path, key.direction),
  );
  if (args.after != null) {
    const values = decodeCursor(args.after, keys.length);
    const names = values.map(() => `cursor_${++parameterSeq % 1_000_000}`);
    const disjuncts = keys.map((key, i) => {
      const equal = keys.slice(0, i).map((k, j) => `${k.path} = :${names[j]}`);
      const op = key.direction === "ASC" ? ">" : "<";
      return `(${[...equal, `${key.path} ${op} :${names[i]}`].join(" AND ")})`;
    });
    pageQuery.andWhere(
      `(${disjuncts.join(" OR ")})`,
      Object.fromEntries(names.map((n, i) => [n, values[i]])),
    );
  }
  const rows = size === 0 ? [] : await pageQuery.limit(size + 1).getMany();
  return keysetPage(rows, size, args, keys, () => countQuery.getCount());
}

/** A sort key of a hand-written keyset query: an SQL expression, its direction and how to read it off a row. */
export interface SqlSortKey<T> {
  sql: string;
  direction: "ASC" | "DESC";
  value: (row: T) => string | number | null;
}

/**
 * The parts of a hand-written keyset page query (the counterpart of `paginate` for plain SQL): the ORDER BY list,
 * the condition that continues strictly after the cursor (null without one) and the LIMIT (one more row than the
 * page, to tell whether another page follows). Cursors are the same as `paginate`'s.
 */
export function keysetSql<T>(
  args: { first?: number; after?: string },
  keys: SqlSortKey<T>[],
): { size: number; orderBy: string; after: { sql: string; params: unknown[] } | null; limit: number } {
  const size = checkPageSize(args.first);
  const orderBy = keys.map((k) => `${k.sql} ${k.direction}`).join(", ");
  let after: { sql: string; params: unknown[] } | null = null;
  if (args.after != null) {
    const values = decodeCursor(args.after, keys.length);
    const params: unknown[] = [];
    const disjuncts = keys.map((key, i) => {
      const parts = keys.slice(0, i).map((k, j) => {
        params.push(values[j]);
        return `${k.sql} = ?`;
      });
      params.push(values[i]);
      parts.push(`${key.sql} ${key.direction === "ASC" ? ">" : "<"} ?`);
      return `(${parts.join(" AND ")})`;
    });
    after = { sql: `(${disjuncts.join(" OR ")})`, params };
  }
  return { size, orderBy, after, limit: size + 1 };
}

/** Wraps the rows of a keyset query (up to `size + 1` of them) as a page; the count is read once, when asked. */
export function keysetPage<T>(
  rows: T[],
  size: number,
  args: { after?: string },
  keys: Pick<SortKey<T>, "value">[],
  count: () => Promise<number>,
): Page<T> {
  const edges = rows
    .slice(0, size)
    .map((node) => ({ cursor: encodeCursor(keys.map((k) => k.value(node))), node }));
  let cached: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => (cached ??= count()),
  };
}
