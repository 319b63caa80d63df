import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { GraphQLError, type DocumentNode, type ValidationContext, type ValidationRule } from "graphql";

export { estimateCost, LIST_SIZE } from "./query-cost";

/**
 * What a query may ask for, the same on HTTP and graphql-ws. Depth, aliases, directives and tokens come from
 * GraphQL Armor; the cost (every field once, what lies inside a list once per item: query-cost.ts) from
 * graphql-query-complexity. Limits are part of the public contract (docs/api.md).
 */
export interface Limits {
  depth: number;
  /** Introspection is exempt from `depth` (GraphiQL's query nests ofType deeply) but not from this. */
  introspectionDepth: number;
  aliases: number;
  directives: number;
  tokens: number;
  fields: number;
  cost: number;
}

/**
 * Third parties (API keys) and anonymous callers get the public limits; signed-in users of the first-party client
 * (whose pages nest deeper) get wider ones. Both are finite.
 */
export const LIMITS: Record<"public" | "user", Limits> = {
  public: {
    depth: 6,
    introspectionDepth: 15,
    aliases: 15,
    directives: 10,
    tokens: 1000,
    fields: 200,
    cost: 50_000,
  },
  user: {
    depth: 12,
    introspectionDepth: 15,
    aliases: 30,
    directives: 10,
    tokens: 5000,
    fields: 600,
    cost: 5_000_000,
  },
};
export type CallerClass = keyof typeof LIMITS;

export const LimitCode = {
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  TOO_MANY_FIELDS: "TOO_MANY_FIELDS",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
} as const;

/** Armor rules report through our own error with a stable code, instead of throwing. */
function reportAs(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code } }),
        ),
    ],
  };
}

/** Counts field selections in the whole document (fragments once): 500 duplicate fields are not free. */
function maxFieldsRule(max: number): ValidationRule {
  return (context) => {
    let fields = 0;
    return {
      Field() {
        fields += 1;
      },
      Document: {
        leave() {
          if (fields > max)
            context.reportError(
              new GraphQLError(`Query has ${fields} fields; at most ${max} are allowed.`, {
                extensions: { code: LimitCode.TOO_MANY_FIELDS },
              }),
            );
        },
      },
    };
  };
}

/** Validation rules added to graphql-js's own, for HTTP (Apollo) and graphql-ws alike. */
export function limitRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.depth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...reportAs(LimitCode.QUERY_TOO_DEEP),
    }) as unknown as ValidationRule,
    maxDepthRule({
      n: limits.introspectionDepth,
      ignoreIntrospection: false,
      flattenFragments: true,
      ...reportAs(LimitCode.QUERY_TOO_DEEP),
    }) as unknown as ValidationRule,
    maxAliasesRule({
      n: limits.aliases,
      allowList: [],
      ...reportAs(LimitCode.TOO_MANY_ALIASES),
    }) as unknown as ValidationRule,
    maxDirectivesRule({
      n: limits.directives,
      ...reportAs(LimitCode.TOO_MANY_DIRECTIVES),
    }) as unknown as ValidationRule,
    maxFieldsRule(limits.fields),
  ];
}

/** Parses with a token budget; TOO_MANY_TOKENS past it (before any other work is done). */
export function parseLimited(source: string, limits: Limits): DocumentNode {
  try {
    return new MaxTokensParserWLexer(source, {
      n: limits.tokens,
      exposeLimits: true,
      propagateOnRejection: true,
      onAccept: [],
      onReject: [],
    }).parseDocument();
  } catch (error) {
    if (error instanceof GraphQLError && /token limit/i.test(error.message)) {
      throw new GraphQLError(error.message.replace(/^Syntax Error: /, ""), {
        extensions: { code: LimitCode.TOO_MANY_TOKENS },
      });
    }
    throw error;
  }
}

/** graphql-js suggests field names ("Did you mean …?"): that maps the schema for a stranger, so it goes. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*$/s, "");
}
