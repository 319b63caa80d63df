import { Alert } from "antd";
import { useI18n } from "../i18n/context";
import { describeMutationFailure } from "./mutation-failure";

/** A change the server refused, said as a sentence from its error code, inside the form that made it. */
export function MutationFailure({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { locale, t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t("action.failed")}
      description={describeMutationFailure(locale, error)}
      closable={onClose ? { onClose } : false}
    />
  );
}
