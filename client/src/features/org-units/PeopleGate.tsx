import { Empty } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/context";
import { SignInRequired } from "../../shared/SignInRequired";
import type { PeopleAccess } from "./people-access";

/** The people part of a unit's page, or what stands in for it: a sign-in prompt, or why it is empty. */
export function PeopleGate({ access, children }: { access: PeopleAccess; children: ReactNode }) {
  const { t } = useI18n();
  switch (access.kind) {
    case "anonymous":
      return <SignInRequired text="units.people.signIn" />;
    case "outside":
      return <Empty description={t("units.scope.outside")} />;
    case "partial":
      return <Empty description={t("units.scope.partialEmpty")} />;
    case "full":
      return children;
  }
}
