import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { classifyFailure } from "../apollo/failure";
import { describeFailure } from "../i18n/describe-failure";
import { translate, type Locale } from "../i18n/translate";

/** The `extensions` of the first GraphQL error, for codes whose details the sentence names. */
function extensionsOf(error: unknown): Record<string, unknown> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  return error.errors[0]?.extensions ?? {};
}

const names = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((item) =>
        typeof item === "object" && item !== null && "name" in item ? String(item.name) : String(item),
      )
    : [];

/**
 * A failed change said as sentences: the one for its `extensions.code`, what the details add (which NTM
 * criteria are missing, which communes are not recognised), and the error reference when the server logged one.
 * Never the server's message or a stack.
 */
export function describeMutationFailure(locale: Locale, error: unknown): string {
  const failure = classifyFailure(error);
  const { sentence, reference } = describeFailure(locale, failure);
  const parts = [sentence];
  if (failure.kind === "api") {
    const extensions = extensionsOf(error);
    const missingCriteria = names(extensions.missingCriteria);
    const missingCommunes = names(extensions.missingCommunes);
    if (failure.code === "NTM_CRITERIA_NOT_MET" && missingCriteria.length > 0)
      parts.push(translate(locale, "error.detail.missingCriteria", { list: missingCriteria.join(", ") }));
    if (failure.code === "NTM_COMMUNES_NOT_RECOGNISED" && missingCommunes.length > 0)
      parts.push(translate(locale, "error.detail.missingCommunes", { list: missingCommunes.join(", ") }));
  }
  if (reference) parts.push(reference);
  return parts.join(" ");
}
