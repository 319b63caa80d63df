import { useQuery } from "@apollo/client/react";
import { Empty, Flex, Spin, Typography } from "antd";
import { UnitSearchDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { AppLink } from "../../shared/AppLink";
import { ItemList } from "../../shared/ItemList";
import { unitPath } from "../../shared/paths";
import { QueryFailure } from "../../shared/QueryFailure";
import { UnitKindTag } from "../../shared/UnitKindTag";

// Ten are enough to pick from (more typing narrows them), and keep the query cheap for anonymous visitors.
const PAGE = 10;

/** Units whose name has the words typed (the server ignores case and diacritics: "co do" finds Cờ Đỏ). */
export function UnitSearchResults({ search }: { search: string }) {
  const { t } = useI18n();
  const { data, previousData, error, loading, refetch } = useQuery(UnitSearchDocument, {
    variables: { search, first: PAGE },
  });
  if (error && !loading) return <QueryFailure error={error} onRetry={() => void refetch()} />;
  const result = (data ?? previousData)?.orgUnits;
  if (!result) return <Spin />;

  return (
    <Spin spinning={loading}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary" role="status">
          {result.totalCount > result.nodes.length
            ? t("units.search.countFirst", { count: result.totalCount, shown: result.nodes.length })
            : t("units.search.count", { count: result.totalCount })}
        </Typography.Text>
        {result.nodes.length === 0 ? (
          <Empty description={t("units.search.none", { search })} />
        ) : (
          <ItemList
            size="small"
            ariaLabel={t("units.search.label")}
            items={result.nodes}
            itemKey={(unit) => unit.code}
            renderItem={(unit) => (
              <>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap="small" align="center" wrap>
                    <AppLink to={unitPath(unit.code)}>
                      <Typography.Text strong>{unit.name}</Typography.Text>
                    </AppLink>
                    <UnitKindTag kind={unit.kind} />
                    <Typography.Text type="secondary">{unit.code}</Typography.Text>
                  </Flex>
                  {unit.parent && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[unit.parent.parent, unit.parent]
                        .flatMap((above) =>
                          above ? [t(`unitTitle.${above.kind}`, { name: above.name })] : [],
                        )
                        .join(" › ")}
                    </Typography.Text>
                  )}
                </Flex>
              </>
            )}
          />
        )}
      </Flex>
    </Spin>
  );
}
