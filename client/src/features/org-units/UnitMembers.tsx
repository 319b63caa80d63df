import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Space, Tag, Typography } from "antd";
import { useState } from "react";
import type { UnitPageQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/format";
import { ItemList } from "../../shared/ItemList";
import {
  AssignMemberModal,
  EndAssignmentModal,
  ReassignModal,
  type ManagedAssignment,
} from "../assignments/AssignmentModals";

type Assignment = NonNullable<UnitPageQuery["orgUnit"]["assignments"]>[number];

/** For ADMIN and COMMITTEE users over the unit: assign, hand over and end assignments. */
export interface AssignmentManagement {
  unit: { code: string; title: string };
  /** The user's own unit: members are picked from its subtree. */
  ownUnit: string;
  onChanged: () => void;
}

type Open =
  | { kind: "assign" }
  | { kind: "reassign"; assignment: ManagedAssignment }
  | { kind: "end"; assignment: ManagedAssignment }
  | null;

/**
 * Cán bộ phụ trách: who directs the unit in the year, their positions, the directive and their visits; with
 * `manage`, the committee's buttons to assign, hand over and end.
 */
export function UnitMembers({
  assignments,
  year,
  manage,
}: {
  assignments: readonly Assignment[];
  year: number;
  manage?: AssignmentManagement;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const done = () => {
    setOpen(null);
    manage?.onChanged();
  };
  return (
    <Flex vertical gap="small">
      {manage && (
        <Flex justify="end">
          <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: "assign" })}>
            {t("assignments.assign")}
          </Button>
        </Flex>
      )}
      {assignments.length === 0 ? (
        <Empty description={t("units.members.none", { year })} />
      ) : (
        <MemberList
          assignments={assignments}
          year={year}
          onManage={manage ? (kind, assignment) => setOpen({ kind, assignment }) : undefined}
        />
      )}
      {manage && open?.kind === "assign" && (
        <AssignMemberModal
          unit={manage.unit}
          ownUnit={manage.ownUnit}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      )}
      {manage && open?.kind === "reassign" && (
        <ReassignModal
          assignment={open.assignment}
          ownUnit={manage.ownUnit}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      )}
      {manage && open?.kind === "end" && (
        <EndAssignmentModal assignment={open.assignment} onClose={() => setOpen(null)} onDone={done} />
      )}
    </Flex>
  );
}

function MemberList({
  assignments,
  year,
  onManage,
}: {
  assignments: readonly Assignment[];
  year: number;
  onManage?: (kind: "reassign" | "end", assignment: Assignment) => void;
}) {
  const { locale, t } = useI18n();
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
            {onManage && !assignment.endsOn && (
              <Space
                wrap
                size="small"
                role="group"
                aria-label={t("assignments.actionsFor", { name: member.fullName })}
              >
                <Button size="small" onClick={() => onManage("reassign", assignment)}>
                  {t("assignments.reassign")}
                </Button>
                <Button size="small" danger onClick={() => onManage("end", assignment)}>
                  {t("assignments.end")}
                </Button>
              </Space>
            )}
          </Flex>
        );
      }}
    />
  );
}
