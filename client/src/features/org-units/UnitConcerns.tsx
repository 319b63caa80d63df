import { Empty, Flex, Typography } from "antd";
import type { UnitPageQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay, formatNumber } from "../../i18n/format";
import { ItemList } from "../../shared/ItemList";
import { ConcernStatusTag } from "../../shared/StatusTags";

type Concern = NonNullable<UnitPageQuery["orgUnit"]["concerns"]>[number];

/** Khó khăn, vướng mắc the unit raised, with who handles them and the answer. */
export function UnitConcerns({ concerns }: { concerns: readonly Concern[] }) {
  const { locale, t } = useI18n();
  if (concerns.length === 0) return <Empty description={t("units.concerns.none")} />;
  return (
    <ItemList
      items={concerns}
      itemKey={(concern) => concern.id}
      renderItem={(concern) => (
        <>
          <Flex vertical gap={4}>
            <Flex gap="small" align="center" wrap>
              <ConcernStatusTag status={concern.status} />
              <Typography.Text strong>{concern.title}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary">
              {t("units.concerns.raisedOn", { date: formatDay(locale, concern.raisedOn) })}
              {" · "}
              {concern.handler
                ? t("units.concerns.handler", {
                    unit: t(`unitTitle.${concern.handler.kind}`, { name: concern.handler.name }),
                  })
                : t("units.concerns.noHandler")}
              {concern.daysToResolve !== null &&
                ` · ${t("units.concerns.days", { days: formatNumber(locale, concern.daysToResolve) })}`}
            </Typography.Text>
            {concern.answer && (
              <Typography.Paragraph style={{ marginBottom: 0 }}>{concern.answer}</Typography.Paragraph>
            )}
          </Flex>
        </>
      )}
    />
  );
}
