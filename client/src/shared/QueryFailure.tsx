import { Alert, Button } from "antd";
import { classifyFailure } from "../apollo/failure";
import { useI18n } from "../i18n/context";
import { describeFailure } from "../i18n/describe-failure";

/** A failed query, said as a sentence chosen by its error code, with a way to try again. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { locale, t } = useI18n();
  const { sentence, reference } = describeFailure(locale, classifyFailure(error));
  return (
    <Alert
      type="error"
      showIcon
      title={t("error.title")}
      description={reference ? `${sentence} ${reference}` : sentence}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}
