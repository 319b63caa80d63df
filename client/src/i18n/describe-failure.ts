import type { ApiFailure } from "../apollo/failure";
import { isMessageKey, translate, type Locale } from "./translate";

/**
 * A sentence for the user about a failed request, from the error code alone, plus a reference to quote to
 * the support desk when the server logged one.
 */
export function describeFailure(
  locale: Locale,
  failure: ApiFailure,
): { sentence: string; reference?: string } {
  switch (failure.kind) {
    case "network":
      return { sentence: translate(locale, "error.network") };
    case "http":
      return { sentence: translate(locale, "error.http", { status: failure.status }) };
    case "api": {
      const key = `error.${failure.code}`;
      const sentence = isMessageKey(key)
        ? translate(locale, key)
        : translate(locale, "error.unknown", { code: failure.code });
      const reference = failure.correlationId
        ? translate(locale, "error.correlationId", { id: failure.correlationId })
        : undefined;
      return reference ? { sentence, reference } : { sentence };
    }
  }
}
