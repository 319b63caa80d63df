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

function fromFormattedErrors(errors: readonly FormattedError[]): ApiFailure | undefined {
  const extensions = errors[0]?.extensions;
  if (!extensions) return undefined;
  const code = typeof extensions.code === "string" ? extensions.code : "UNKNOWN";
  const correlationId = typeof extensions.correlationId === "string" ? extensions.correlationId : undefined;
  return correlationId ? { kind: "api", code, correlationId } : { kind: "api", code };
}

/** Errors from a body such as `{"errors":[{"extensions":{"code":"…"}}]}`, if the text is one. */
function fromBodyText(bodyText: string): ApiFailure | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === "object" && body !== null && "errors" in body && Array.isArray(body.errors)) {
      return fromFormattedErrors(body.errors as FormattedError[]);
    }
  } catch {
    // not JSON: a proxy's error page, for instance
  }
  return undefined;
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
