import { Tag } from "antd";
import type { ConcernStatus, Grade, PledgeStatus } from "../gql/graphql";
import { useI18n } from "../i18n/context";

// Long labels ("Không hoàn thành nhiệm vụ") wrap on a phone instead of overflowing.
const TAG_STYLE = { marginInlineEnd: 0, whiteSpace: "normal" } as const;

const PLEDGE_COLORS: Record<PledgeStatus, string> = {
  REGISTERED: "blue",
  REPORTED: "gold",
  CONFIRMED: "green",
  REJECTED: "red",
  WITHDRAWN: "default",
};

/** A pledge's status as a coloured tag: blue registered, gold reported, green confirmed, red rejected. */
export function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PLEDGE_COLORS[status]} style={TAG_STYLE}>
      {t(`pledgeStatus.${status}`)}
    </Tag>
  );
}

const CONCERN_COLORS: Record<ConcernStatus, string> = { OPEN: "red", IN_PROGRESS: "gold", RESOLVED: "green" };

export function ConcernStatusTag({ status }: { status: ConcernStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={CONCERN_COLORS[status]} style={TAG_STYLE}>
      {t(`concernStatus.${status}`)}
    </Tag>
  );
}

const GRADE_COLORS: Record<Grade, string> = {
  EXCELLENT: "green",
  GOOD: "blue",
  COMPLETED: "default",
  NOT_COMPLETED: "red",
};

export function GradeTag({ grade }: { grade: Grade | null | undefined }) {
  const { t } = useI18n();
  if (!grade) return <span aria-label={t("grade.none")}>—</span>;
  return (
    <Tag color={GRADE_COLORS[grade]} style={TAG_STYLE}>
      {t(`grade.${grade}`)}
    </Tag>
  );
}
