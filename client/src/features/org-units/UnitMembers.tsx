import { Empty, Flex, Tag, Typography } from "antd";
import type { UnitPageQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/format";
import { ItemList } from "../../shared/ItemList";

type Assignment = NonNullable<UnitPageQuery["orgUnit"]["assignments"]>[number];

/** Cán bộ phụ trách: who directs the unit in the year, their positions, the directive and their visits. */
export function UnitMembers({ assignments, year }: { assignments: readonly Assignment[]; year: number }) {
  const { locale, t } = useI18n();
  if (assignments.length === 0) return <Empty description={t("units.members.none", { year })} />;
  return (
    <ItemList
      items={assignments}
      itemKey={(assignment) => assignment.id}
      renderItem={(assignment) => {
        const { member, directive } = assignment;
        // Current positions; the same title held over two terms is said once.
        const positions = [
          ...new Set(
            member.positions.filter((position) => !position.endsOn).map((position) => position.title),
          ),
        ];
        return (
          <Flex vertical gap={4}>
            <Flex gap="small" align="center" wrap>
              <Typography.Text strong>{member.fullName}</Typography.Text>
              <Typography.Text type="secondary">{member.code}</Typography.Text>
              <Tag color="blue">{t(`assignmentScope.${assignment.scope}`)}</Tag>
            </Flex>
            {positions.length > 0 && <Typography.Text>{positions.join("; ")}</Typography.Text>}
            <Typography.Text type="secondary">
              {t("units.members.since", {
                directive: directive.number,
                from: formatDay(locale, assignment.startsOn),
              })}
              {assignment.endsOn &&
                ` ${t("units.members.until", { to: formatDay(locale, assignment.endsOn) })}`}
            </Typography.Text>
            <Typography.Text type="secondary">
              {directive.minVisitsPerMonth
                ? t("units.members.visitsWithRule", {
                    count: assignment.visits.length,
                    year,
                    min: directive.minVisitsPerMonth,
                  })
                : t("units.members.visits", { count: assignment.visits.length, year })}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
