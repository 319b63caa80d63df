import { Alert, Button } from "antd";
import { classifyFailure, isAuthFailureCode } from "../apollo/failure";
import { useAuth } from "../auth/context";
import { useI18n } from "../i18n/context";
import { describeFailure } from "../i18n/describe-failure";

/**
 * A failed query, said as a sentence chosen by its error code, with a way to try again, or to sign in when
 * the failure is about the token.
 */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { locale, t } = useI18n();
  const { openSignIn } = useAuth();
  const failure = classifyFailure(error);
  const { sentence, reference } = describeFailure(locale, failure);
  const needsSignIn = failure.kind === "api" && isAuthFailureCode(failure.code);
  return (
    <Alert
      type="error"
      showIcon
      title={t("error.title")}
      description={reference ? `${sentence} ${reference}` : sentence}
      action={
        needsSignIn ? (
          <Button size="small" type="primary" onClick={openSignIn}>
            {t("auth.signIn")}
          </Button>
        ) : (
          onRetry && (
            <Button size="small" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          )
        )
      }
    />
  );
}
