import type { UnitKind, UnitPledgeFieldsFragment } from "../../gql/graphql";
import { translate } from "../../i18n/translate";
import { exportedOn, localDay, type SheetSpec } from "../exports/workbook";

const vi = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("vi", key, params);

/** The unit's pledges of a year as the sheet committees report upward, headed and worded in Vietnamese. */
export function unitPledgesSheet(
  unit: { code: string; name: string; kind: UnitKind },
  year: number,
  pledges: readonly UnitPledgeFieldsFragment[],
  now: Date = new Date(),
): SheetSpec {
  const unitTitle = vi(`unitTitle.${unit.kind}`, { name: unit.name });
  return {
    name: `Phần việc ${year}`,
    title: `Phần việc đăng ký năm ${year} — ${unitTitle} (mã ${unit.code})`,
    subtitle: exportedOn(now),
    columns: [
      { header: "STT", width: 6, type: "number" },
      { header: "Phần việc đăng ký", width: 48 },
      { header: "Lĩnh vực", width: 18 },
      { header: "Tiêu chí NTM", width: 22 },
      { header: "Cán bộ phụ trách", width: 24 },
      { header: "Chỉ tiêu", width: 10, type: "number" },
      { header: "Đơn vị tính", width: 12 },
      { header: "Hạn hoàn thành", width: 14, type: "date" },
      { header: "Trạng thái", width: 16 },
      { header: "Kết quả đạt được", width: 12, type: "number" },
      { header: "Báo cáo của cán bộ", width: 36 },
      { header: "Đơn vị xác nhận", width: 22 },
      { header: "Ngày xác nhận", width: 14, type: "date" },
      { header: "Lý do không xác nhận", width: 30 },
    ],
    rows: pledges.map((pledge, index) => [
      index + 1,
      pledge.title,
      vi(`pledgeCategory.${pledge.category}`),
      pledge.ntmCriterion ? `${pledge.ntmCriterion.number}. ${pledge.ntmCriterion.name}` : null,
      pledge.member.fullName,
      pledge.targetQuantity,
      pledge.targetUnit,
      pledge.dueOn,
      vi(`pledgeStatus.${pledge.status}`),
      pledge.achievedQuantity,
      pledge.reportNote,
      pledge.decidedBy ? vi(`unitTitle.${pledge.decidedBy.kind}`, { name: pledge.decidedBy.name }) : null,
      localDay(pledge.decidedAt),
      pledge.rejectionReason,
    ]),
  };
}
