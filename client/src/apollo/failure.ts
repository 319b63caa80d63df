import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

/**
 * What went wrong with a request, reduced to what the UI needs to say about it. The UI switches on
 * `extensions.code` from the API, never on error messages (those are for developers and may change).
 */
export type ApiFailure =
  | { kind: "api"; code: string; correlationId?: string }
  | { kind: "http"; status: number }
  | { kind: "network" };

type FormattedError = { extensions?: Record<string, unknown> };

/** The failure that GraphQL errors as sent (`[{ extensions: { code } }]`) describe; undefined without a code. */
export function fromFormattedErrors(errors: readonly FormattedError[]): ApiFailure | undefined {
  const extensions = errors[0]?.extensions;
  if (!extensions) return undefined;
  const code = typeof extensions.code === "string" ? extensions.code : "UNKNOWN";
  const correlationId = typeof extensions.correlationId === "string" ? extensions.correlationId : undefined;
  return correlationId ? { kind: "api", code, correlationId } : { kind: "api", code };
}

/** The errors of a body such as `{"errors":[{"extensions":{"code":"…"}}]}`, if the text is one. */
function errorsInBody(bodyText: string): FormattedError[] | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === "object" && body !== null && "errors" in body && Array.isArray(body.errors)) {
      return body.errors as FormattedError[];
    }
  } catch {
    // not JSON: a proxy's error page, for instance
  }
  return undefined;
}

function fromBodyText(bodyText: string): ApiFailure | undefined {
  const errors = errorsInBody(bodyText);
  return errors && fromFormattedErrors(errors);
}

export function classifyFailure(error: unknown): ApiFailure {
  if (CombinedGraphQLErrors.is(error)) {
    return fromFormattedErrors(error.errors) ?? { kind: "api", code: "UNKNOWN" };
  }
  if (ServerError.is(error)) {
    return fromBodyText(error.bodyText) ?? { kind: "http", status: error.statusCode };
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  return { kind: "network" };
}

/** The codes that mean the token sent was not accepted: sign in (again). */
export const AUTH_FAILURE_CODES = ["TOKEN_EXPIRED", "UNAUTHENTICATED"] as const;
export type AuthFailureCode = (typeof AUTH_FAILURE_CODES)[number];

export const isAuthFailureCode = (code: unknown): code is AuthFailureCode =>
  typeof code === "string" && (AUTH_FAILURE_CODES as readonly string[]).includes(code);

/**
 * TOKEN_EXPIRED or UNAUTHENTICATED if any error of the failure has that code (TOKEN_EXPIRED first), else
 * null. Looks at every error, not only the first: one refused field is enough to know the token is not good.
 */
export function authFailureCode(error: unknown): AuthFailureCode | null {
  let errors: readonly FormattedError[] = [];
  if (CombinedGraphQLErrors.is(error)) errors = error.errors;
  else if (ServerError.is(error)) errors = errorsInBody(error.bodyText) ?? [];
  const codes = errors.map((entry) => entry.extensions?.code).filter(isAuthFailureCode);
  return codes.includes("TOKEN_EXPIRED") ? "TOKEN_EXPIRED" : (codes[0] ?? null);
}
