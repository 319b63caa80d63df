import { ConcernStatus } from "../../features/delegations/concern.entity";
import { UnitKind } from "../../features/org-units/org-unit.enums";
import { LAST_MOMENT, type GenUnit, type NationalContext } from "./national.context";

const pad = (n: number) => String(n).padStart(2, "0");
const CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1);
const NTM_YEARS = [2015, 2016];
/** Year an xã was recognised as meeting the NTM standard, if it was by 2016. */
const RECOGNITION = { none: 58, 2013: 6, 2014: 10, 2015: 12, 2016: 14 };

/**
 * NTM criterion statuses for 2015 and 2016 of every xã of a district (a fixed per-xã order of criteria, so the
 * met set only grows), recognition decisions for the recognised ones, and the district's own when all its xã are.
 */
export function addNtm(ctx: NationalContext, district: GenUnit, communes: GenUnit[]): void {
  const { random, writer } = ctx;
  const xa = communes.filter((c) => c.kind === UnitKind.COMMUNE);
  let lastYear = 0;
  let allRecognised = xa.length > 0;
  for (const commune of xa) {
    const drawn = random.weighted(RECOGNITION);
    const year = drawn === "none" ? null : Number(drawn);
    if (year == null) allRecognised = false;
    else {
      lastYear = Math.max(lastYear, year);
      writer.add("ntmRecognitions", {
        id: ++ctx.ids.recognition,
        unitId: commune.id,
        decisionNumber: `${ctx.ids.recognition}/QĐ-UBND (minh họa)`,
        decidedOn: `${year}-${pad(random.int(3, year === 2016 ? 8 : 12))}-${pad(random.int(1, 28))}`,
        year,
      });
    }
    const met2016 = year ? 19 : random.int(9, 18);
    const order = random.shuffle(CRITERIA);
    for (const y of NTM_YEARS) {
      const met = year && year <= y ? 19 : Math.max(5, met2016 - (2016 - y) * random.int(1, 3));
      order.forEach((criterionId, rank) => {
        const isMet = rank < met;
        writer.add("ntmStatuses", {
          id: ++ctx.ids.status,
          unitId: commune.id,
          year: y,
          criterionId,
          met: isMet,
          metOn: isMet ? `${y}-${pad(random.int(1, y === 2016 ? 8 : 11))}-${pad(random.int(1, 28))}` : null,
          evidence: isMet ? `Biên bản thẩm định tiêu chí năm ${y} (minh họa)` : null,
        });
      });
    }
  }
  if (district.kind === UnitKind.RURAL_DISTRICT && allRecognised) {
    const year = Math.max(lastYear, 2015);
    writer.add("ntmRecognitions", {
      id: ++ctx.ids.recognition,
      unitId: district.id,
      decisionNumber: `${ctx.ids.recognition}/QĐ-TTg (minh họa)`,
      decidedOn: `${year}-${year === 2016 ? "08" : "12"}-20`,
      year,
    });
  }
}

const CONCERNS: [string, string][] = [
  [
    "Thiếu vốn đối ứng xây dựng đường giao thông nông thôn",
    "Đề nghị tỉnh hỗ trợ vốn đối ứng cho các tuyến đường liên ấp.",
  ],
  ["Chậm giải phóng mặt bằng công trình trường học", "Kiến nghị hướng dẫn cơ chế bồi thường cho hộ dân."],
  ["Thiếu cán bộ chuyên trách xây dựng nông thôn mới cấp xã", "Đề nghị bổ sung biên chế."],
  ["Tiêu thụ nông sản khó khăn", "Đề nghị kết nối doanh nghiệp bao tiêu sản phẩm cho tổ hợp tác."],
  ["Xuống cấp kênh thủy lợi nội đồng", "Đề nghị bố trí kinh phí nạo vét."],
  ["Thủ tục cấp giấy chứng nhận quyền sử dụng đất chậm", "Đề nghị rút ngắn thời gian giải quyết."],
];
const DAY = 86_400_000;

/** Three working delegations of the province's standing board to its districts in 2016, each raising concerns. */
export function addConcerns(
  ctx: NationalContext,
  province: GenUnit,
  districts: GenUnit[],
  standing: number[],
): void {
  const { random, writer } = ctx;
  for (let i = 0; i < Math.min(3, districts.length); i++) {
    const unit = random.pick(districts);
    const id = ++ctx.ids.delegation;
    const visitedOn = `2016-${pad(1 + ((i * 3 + province.id) % 8))}-${pad(random.int(5, 25))}`;
    writer.add("delegations", {
      id,
      leadingUnitId: province.id,
      visitedUnitId: unit.id,
      visitedOn,
      title: `Đoàn công tác của Thường trực Tỉnh ủy ${province.name} làm việc với ${unit.kind === UnitKind.URBAN_DISTRICT ? "Quận" : "Huyện"} ủy ${unit.name}`,
      note: "Ghi nhận khó khăn, vướng mắc của cơ sở và giao cơ quan chức năng giải quyết (minh họa).",
    });
    for (const memberId of new Set(random.shuffle(standing).slice(0, 3)))
      writer.add("delegationMembers", { delegation_id: id, member_id: memberId });
    for (let k = 0, n = random.int(1, 2); k < n; k++) {
      const [title, description] = random.pick(CONCERNS);
      const status = random.weighted({ OPEN: 3, IN_PROGRESS: 3, RESOLVED: 4 }) as ConcernStatus;
      const raised = new Date(`${visitedOn}T09:00:00Z`);
      const startedAt =
        status !== ConcernStatus.OPEN
          ? new Date(Math.min(raised.getTime() + random.int(2, 10) * DAY, LAST_MOMENT))
          : null;
      const resolvedAt =
        status === ConcernStatus.RESOLVED && startedAt
          ? new Date(Math.min(startedAt.getTime() + random.int(5, 60) * DAY, LAST_MOMENT))
          : null;
      const concern = {
        id: ++ctx.ids.concern,
        raisedByUnitId: unit.id,
        delegationId: id,
        handlerUnitId: status === ConcernStatus.OPEN ? null : unit.id,
        title,
        description,
        status,
        answer: resolvedAt ? "Đã bố trí kinh phí và giao phòng chuyên môn triển khai (minh họa)." : null,
        raisedOn: visitedOn,
        startedAt,
        resolvedAt,
        createdAt: raised,
      };
      writer.add("concerns", concern);
      ctx.concerns.push(concern);
    }
  }
}
