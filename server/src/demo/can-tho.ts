/**
 * The Cần Thơ 2016 demo data, built in memory with explicit ids (so that rows reference each other without
 * round trips) from the real unit list and the article's figures. Deterministic: the same seed, the same rows.
 *
 * Facts from the source (the acceptance test): 9 districts (5 quận, 4 huyện), 85 commune-level units
 * (44 phường, 36 xã, 5 thị trấn); 79, 108 and 71 cells in Cờ Đỏ, Thới Lai and Ninh Kiều; 36 Thành ủy members
 * assigned to the 36 xã; 79 people to 79 cells (Cờ Đỏ), 77 to 108 (Thới Lai), 71 to 71 (Ninh Kiều); Bình Thủy's
 * 02-NQ/QU with at least two visits a month; in 2016 1 huyện and 16 xã recognised for NTM, the other 20 xã at
 * 13–19 criteria (Cờ Đỏ: 2 of 9 recognised, the others 13–17); Mỹ Khánh recognised in 2014 with its works.
 * Everything else (people, hamlet names, cell counts elsewhere, pledges, visits) is generated and marked so.
 */
import units from "./data/can-tho-2016-units.json";
import { areaNames, hamletNames, NameGenerator } from "./names";
import { Random } from "./random";
import { sortKey, searchForm } from "../core/vietnamese";
import { LEVEL_OF_KIND, UnitKind } from "../features/org-units/org-unit.enums";
import { PositionRole } from "../features/members/member.enums";
import { DirectiveType } from "../features/directives/directive.entity";
import { AssignmentScope } from "../features/assignments/assignment.entity";
import { PledgeCategory, PledgeStatus } from "../features/pledges/pledge.enums";
import { VisitKind } from "../features/visits/visit.entity";
import { ConcernStatus } from "../features/delegations/concern.entity";
import { Grade, UnitGrade } from "../features/evaluations/evaluation.enums";
import { proposeGrade } from "../features/evaluations/grade-rule";
import { RURAL_TEMPLATES, URBAN_TEMPLATES } from "./pledge-templates";

export const DEMO_SEED = 20160917;
/** The demo's "today": the article's date. Visits and decisions stop here. */
export const DEMO_TODAY = "2016-09-17";

type Row = Record<string, unknown> & { id: number };

export interface DemoData {
  orgUnits: Row[];
  terms: Row[];
  members: Row[];
  positions: Row[];
  directives: Row[];
  assignments: Row[];
  ntmCriteria: Row[];
  ntmStatuses: Row[];
  ntmRecognitions: Row[];
  pledges: Row[];
  visits: Row[];
  evaluations: Row[];
  unitEvaluations: Row[];
  delegations: Row[];
  delegationMembers: { delegation_id: number; member_id: number }[];
  concerns: Row[];
  /** Demo users; passwords are hashed by the loader. */
  users: DemoUser[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
  unitId: number;
  memberId: number | null;
}

/** Every demo user signs in with this password (README lists the users). */
export const DEMO_PASSWORD = "demo-2016";

interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  depth: number;
  generated: boolean;
  validFrom: string;
}

/** Districts created by Decree 05/2004/NĐ-CP (effective 2004) and the 2008 split (Decree 12/NĐ-CP). */
const FOUNDED: Record<string, string> = {
  "916": "2004-01-02",
  "917": "2004-01-02",
  "918": "2004-01-02",
  "919": "2004-01-02",
  "926": "2004-01-02",
  "923": "2008-12-24",
  "924": "2008-12-24",
  "925": "2008-12-24",
  "927": "2008-12-24",
};

/** Which xã are recognised for NTM (decision year) by 2016: 16 in all, every xã of Phong Điền, 2 of Cờ Đỏ. */
const RECOGNISED: Record<string, Record<string, number>> = {
  "Phong Điền": {
    "Mỹ Khánh": 2014,
    "Nhơn Ái": 2014,
    "Giai Xuân": 2015,
    "Tân Thới": 2015,
    "Trường Long": 2016,
    "Nhơn Nghĩa": 2015,
  },
  "Cờ Đỏ": { "Trung An": 2015, "Thạnh Phú": 2016 },
  "Thới Lai": {
    "Thới Thạnh": 2014,
    "Xuân Thắng": 2015,
    "Đông Bình": 2015,
    "Trường Xuân": 2016,
    "Trường Thành": 2016,
  },
  "Vĩnh Thạnh": { "Thạnh Lộc": 2015, "Thạnh Mỹ": 2016, "Vĩnh Trinh": 2016 },
};
/** Criteria met in 2016 by the xã not yet recognised (the article: 13–19; in Cờ Đỏ 13–17). */
const CRITERIA_2016: Record<string, number[]> = {
  "Cờ Đỏ": [13, 14, 15, 15, 16, 17, 17],
  "Thới Lai": [13, 14, 16, 17, 18, 18, 19],
  "Vĩnh Thạnh": [13, 15, 16, 17, 18, 19],
};
const RECOGNISED_DISTRICT = {
  name: "Phong Điền",
  decidedOn: "2016-08-26",
  decisionNumber: "1856/QĐ-TTg (minh họa)",
};

/** Mỹ Khánh's five years of work, as the article lists it: confirmed pledges of its Thành ủy member. */
const MY_KHANH_WORKS: {
  year: number;
  title: string;
  category: PledgeCategory;
  criterion: number;
  quantity: number;
  unit: string;
}[] = [
  {
    year: 2011,
    title: "Nâng cấp, sửa chữa 13 km đường giao thông nông thôn",
    category: PledgeCategory.INFRASTRUCTURE,
    criterion: 2,
    quantity: 13,
    unit: "km",
  },
  {
    year: 2012,
    title: "Đưa 4/4 trường học của xã đạt chuẩn quốc gia",
    category: PledgeCategory.EDUCATION,
    criterion: 5,
    quantity: 4,
    unit: "trường",
  },
  {
    year: 2012,
    title: "Xây dựng chợ Mỹ Khánh",
    category: PledgeCategory.ECONOMY,
    criterion: 7,
    quantity: 1,
    unit: "chợ",
  },
  {
    year: 2013,
    title: "Xây dựng Nhà văn hóa xã",
    category: PledgeCategory.CULTURE,
    criterion: 6,
    quantity: 1,
    unit: "nhà văn hóa",
  },
  {
    year: 2013,
    title: "Xây dựng 7 nhà thông tin ấp",
    category: PledgeCategory.CULTURE,
    criterion: 6,
    quantity: 7,
    unit: "nhà thông tin",
  },
  {
    year: 2014,
    title: "Thành lập 1 hợp tác xã",
    category: PledgeCategory.ECONOMY,
    criterion: 13,
    quantity: 1,
    unit: "hợp tác xã",
  },
  {
    year: 2014,
    title: "Thành lập 11 tổ hợp tác",
    category: PledgeCategory.ECONOMY,
    criterion: 13,
    quantity: 11,
    unit: "tổ hợp tác",
  },
];

const DEPARTMENTS = [
  "Ban Tổ chức",
  "Ban Tuyên giáo",
  "Ban Dân vận",
  "Ủy ban Kiểm tra",
  "Văn phòng",
  "Phòng Nội vụ",
  "Phòng Tài chính - Kế hoạch",
  "Phòng Kinh tế",
  "Phòng Nông nghiệp và Phát triển nông thôn",
  "Phòng Giáo dục và Đào tạo",
  "Phòng Y tế",
  "Phòng Văn hóa và Thông tin",
  "Phòng Lao động - Thương binh và Xã hội",
  "Phòng Tài nguyên và Môi trường",
  "Hội Nông dân",
  "Hội Liên hiệp Phụ nữ",
  "Huyện đoàn",
  "Ủy ban Mặt trận Tổ quốc",
  "Hội Cựu chiến binh",
  "Liên đoàn Lao động",
];

function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

export function buildCanThoDemo(seed = DEMO_SEED): DemoData {
  const random = new Random(seed);
  const names = new NameGenerator(random);
  const data: DemoData = {
    orgUnits: [],
    terms: [],
    members: [],
    positions: [],
    directives: [],
    assignments: [],
    ntmCriteria: [],
    ntmStatuses: [],
    ntmRecognitions: [],
    pledges: [],
    visits: [],
    evaluations: [],
    unitEvaluations: [],
    delegations: [],
    delegationMembers: [],
    concerns: [],
    users: [],
  };
  const ids = {
    unit: 0,
    member: 0,
    position: 0,
    directive: 0,
    assignment: 0,
    pledge: 0,
    visit: 0,
    status: 0,
    evaluation: 0,
    delegation: 0,
    concern: 0,
  };

  // ---- Units ---------------------------------------------------------------------------------------------
  const unitList: Unit[] = [];
  const addUnit = (
    parent: Unit | null,
    code: string,
    name: string,
    kind: UnitKind,
    generated: boolean,
    validFrom: string,
    gsoCode: string | null = null,
  ): Unit => {
    const id = ++ids.unit;
    const unit: Unit = {
      id,
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      generated,
      validFrom,
    };
    unitList.push(unit);
    data.orgUnits.push({
      id,
      code,
      name,
      searchName: searchForm(name),
      sortKey: sortKey(name),
      kind,
      level: LEVEL_OF_KIND[kind],
      parentId: unit.parentId,
      path: unit.path,
      depth: unit.depth,
      gsoCode,
      validFrom,
      validTo: null,
      generated,
    });
    return unit;
  };
  const city = addUnit(
    null,
    units.city.gsoCode,
    "Cần Thơ",
    UnitKind.CITY,
    false,
    "2004-01-02",
    units.city.gsoCode,
  );

  interface DistrictInfo {
    unit: Unit;
    communes: Unit[];
    cells: Unit[];
    rural: boolean;
    article: boolean;
  }
  const districts: DistrictInfo[] = [];
  for (const d of units.districts) {
    const founded = FOUNDED[d.gsoCode] ?? "2004-01-02";
    const district = addUnit(city, d.gsoCode, d.name, d.kind as UnitKind, false, founded, d.gsoCode);
    const info: DistrictInfo = {
      unit: district,
      communes: [],
      cells: [],
      rural: d.kind === "RURAL_DISTRICT",
      article: "cellsInSeed" in d,
    };
    const members: [string, UnitKind][] = [
      ...("wards" in d ? d.wards! : []).map((n): [string, UnitKind] => [n, UnitKind.WARD]),
      ...("townships" in d ? d.townships! : []).map((n): [string, UnitKind] => [n, UnitKind.TOWNSHIP]),
      ...("communes" in d ? d.communes! : []).map((n): [string, UnitKind] => [n, UnitKind.COMMUNE]),
    ];
    members.forEach(([name, kind], i) =>
      info.communes.push(addUnit(district, `${d.gsoCode}.${pad(i + 1)}`, name, kind, false, founded)),
    );
    // Cells: the article's counts where it gives them, a plausible generated number elsewhere.
    const counts =
      "cellsInSeed" in d
        ? spread(d.cellsInSeed!, info.communes.length)
        : info.communes.map((c) => (c.kind === UnitKind.WARD ? random.int(4, 8) : random.int(5, 9)));
    info.communes.forEach((commune, i) => {
      const urban = commune.kind === UnitKind.WARD;
      const cellKind =
        "cellKind" in d ? (d.cellKind as UnitKind) : urban ? UnitKind.AREA_CELL : UnitKind.HAMLET_CELL;
      const cellNames =
        cellKind === UnitKind.AREA_CELL ? areaNames(counts[i]) : hamletNames(random, counts[i]);
      cellNames.forEach((name, j) =>
        info.cells.push(
          addUnit(commune, `${commune.code}.${pad(j + 1)}`, name, cellKind, !info.article, "2010-01-01"),
        ),
      );
    });
    districts.push(info);
  }
  const byName = (name: string) => districts.find((d) => d.unit.name === name)!;

  // ---- Terms, criteria ------------------------------------------------------------------------------------
  data.terms.push(
    {
      id: 1,
      code: "2010-2015",
      name: "Nhiệm kỳ 2010–2015",
      startYear: 2010,
      endYear: 2015,
      startsOn: "2010-10-01",
      endsOn: "2015-09-30",
    },
    {
      id: 2,
      code: "2015-2020",
      name: "Nhiệm kỳ 2015–2020",
      startYear: 2015,
      endYear: 2020,
      startsOn: "2015-10-01",
      endsOn: "2020-09-30",
    },
  );
  const TERM_OLD = 1;
  const TERM_NEW = 2;
  const groupOf = (n: number) =>
    Object.entries(units.ntmCriteriaGroups).find(([, list]) => (list as number[]).includes(n))![0];
  for (const [number, name, nameEn] of units.ntmCriteria2016 as [number, string, string][]) {
    data.ntmCriteria.push({ id: number, number, name, nameEn, groupName: groupOf(number) });
  }

  // ---- Members and positions -----------------------------------------------------------------------------
  const addMember = (
    home: Unit,
    positions: { unit: Unit; role: PositionRole; title: string; termId: number | null; startsOn: string }[],
  ) => {
    const person = names.next();
    const id = ++ids.member;
    const year = random.int(1958, 1982);
    data.members.push({
      id,
      code: `CB${String(id).padStart(5, "0")}`,
      fullName: person.fullName,
      searchName: searchForm(person.fullName),
      sortKey: sortKey(`${person.givenName} ${person.fullName}`),
      homeUnitId: home.id,
      phone: `09${String(random.int(10000000, 99999999))}`,
      birthDate: `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      generated: true,
    });
    for (const p of positions) {
      data.positions.push({
        id: ++ids.position,
        memberId: id,
        unitId: p.unit.id,
        role: p.role,
        title: p.title,
        termId: p.termId,
        startsOn: p.startsOn,
        endsOn: null,
      });
    }
    return id;
  };
  const committeeTitle = (unit: Unit) =>
    unit.kind === UnitKind.CITY
      ? "Thành ủy viên"
      : unit.kind === UnitKind.RURAL_DISTRICT
        ? "Huyện ủy viên"
        : "Quận ủy viên";
  const standingTitle = (unit: Unit) =>
    unit.kind === UnitKind.CITY
      ? "Ủy viên Ban Thường vụ Thành ủy"
      : unit.kind === UnitKind.RURAL_DISTRICT
        ? "Ủy viên Ban Thường vụ Huyện ủy"
        : "Ủy viên Ban Thường vụ Quận ủy";
  const departmentPerson = (district: Unit, i: number, deputy: boolean) => {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length];
    const suffix = district.kind === UnitKind.RURAL_DISTRICT ? "huyện" : "quận";
    return {
      unit: district,
      role: deputy ? PositionRole.DEPARTMENT_DEPUTY : PositionRole.DEPARTMENT_HEAD,
      title: `${deputy ? "Phó" : "Trưởng"} ${dept.charAt(0).toLowerCase()}${dept.slice(1)} ${suffix}`,
      termId: TERM_NEW,
      startsOn: "2015-10-01",
    };
  };

  // City committee: 50 members, 15 of them on the standing board.
  const cityStanding: number[] = [];
  const cityCommittee: number[] = [];
  for (let i = 0; i < 50; i++) {
    const standing = i < 15;
    const positions = [
      {
        unit: city,
        role: PositionRole.COMMITTEE_MEMBER,
        title: committeeTitle(city),
        termId: TERM_NEW,
        startsOn: "2015-10-01",
      },
    ];
    if (standing)
      positions.push({
        unit: city,
        role: PositionRole.STANDING_COMMITTEE_MEMBER,
        title: standingTitle(city),
        termId: TERM_NEW,
        startsOn: "2015-10-01",
      });
    else
      positions.push({
        unit: city,
        role: PositionRole.COMMITTEE_MEMBER,
        title: committeeTitle(city),
        termId: TERM_OLD,
        startsOn: "2010-10-01",
      });
    const id = addMember(city, positions);
    (standing ? cityStanding : cityCommittee).push(id);
  }

  // ---- Directives ----------------------------------------------------------------------------------------
  const addDirective = (d: {
    number: string;
    type: DirectiveType;
    issuer: Unit | null;
    issuerName: string;
    issuedYear: number | null;
    issuedOn?: string | null;
    title: string;
    minVisitsPerMonth?: number | null;
    generated?: boolean;
  }) => {
    const id = ++ids.directive;
    data.directives.push({
      id,
      number: d.number,
      type: d.type,
      issuerUnitId: d.issuer?.id ?? null,
      issuerName: d.issuerName,
      issuedYear: d.issuedYear,
      issuedOn: d.issuedOn ?? null,
      title: d.title,
      minVisitsPerMonth: d.minVisitsPerMonth ?? null,
      generated: d.generated ?? false,
    });
    return id;
  };
  addDirective({
    number: "45-NQ/TW",
    type: DirectiveType.NGHI_QUYET,
    issuer: null,
    issuerName: "Bộ Chính trị",
    issuedYear: 2005,
    title: "Về xây dựng và phát triển thành phố Cần Thơ trong thời kỳ công nghiệp hóa, hiện đại hóa đất nước",
  });
  const dirCityNtmOld = addDirective({
    number: "QĐ/TU (không rõ số, 2010–2015)",
    type: DirectiveType.QUYET_DINH,
    issuer: city,
    issuerName: "Thành ủy Cần Thơ",
    issuedYear: 2011,
    title:
      "Phân công 36 Thành ủy viên chỉ đạo toàn diện, hỗ trợ 36 xã xây dựng nông thôn mới, nhiệm kỳ 2010–2015",
    minVisitsPerMonth: null,
  });
  const dirCityNtmNew = addDirective({
    number: "QĐ/TU (không rõ số, 2015–2020)",
    type: DirectiveType.QUYET_DINH,
    issuer: city,
    issuerName: "Thành ủy Cần Thơ",
    issuedYear: 2015,
    title:
      "Phân công 36 Thành ủy viên tiếp tục chỉ đạo, hỗ trợ 36 xã củng cố và xây dựng nông thôn mới, nhiệm kỳ 2015–2020",
  });
  const dirCityDistricts = addDirective({
    number: "QĐ/TU (không rõ số, BTV 2015–2020)",
    type: DirectiveType.QUYET_DINH,
    issuer: city,
    issuerName: "Ban Thường vụ Thành ủy Cần Thơ",
    issuedYear: 2015,
    title:
      "Phân công Ủy viên Ban Thường vụ Thành ủy chỉ đạo toàn diện các quận ủy, huyện ủy, đảng ủy trực thuộc, nhiệm kỳ 2015–2020",
  });
  const articleDirectives: Record<string, { id: number; scope: AssignmentScope; people: number | null }> = {
    "Bình Thủy": {
      id: addDirective({
        number: "02-NQ/QU",
        type: DirectiveType.NGHI_QUYET,
        issuer: byName("Bình Thủy").unit,
        issuerName: "Ban Thường vụ Quận ủy Bình Thủy",
        issuedYear: 2004,
        title:
          "Về việc phân công các quận ủy viên, trưởng, phó các phòng, ban, ngành, đoàn thể quận về chỉ đạo khu vực",
        minVisitsPerMonth: 2,
      }),
      scope: AssignmentScope.AREA,
      people: null,
    },
    "Cờ Đỏ": {
      id: addDirective({
        number: "03-NQ/HU",
        type: DirectiveType.NGHI_QUYET,
        issuer: byName("Cờ Đỏ").unit,
        issuerName: "Huyện ủy Cờ Đỏ",
        issuedYear: null,
        title: "Xây dựng chi bộ ấp và đảng bộ xã, thị trấn trong sạch vững mạnh toàn diện",
      }),
      scope: AssignmentScope.COMPREHENSIVE,
      people: 79,
    },
    "Thới Lai": {
      id: addDirective({
        number: "05-NQ/HU",
        type: DirectiveType.NGHI_QUYET,
        issuer: byName("Thới Lai").unit,
        issuerName: "Huyện ủy Thới Lai",
        issuedYear: null,
        title: "Tăng cường chỉ đạo xây dựng cơ sở vững mạnh toàn diện",
      }),
      scope: AssignmentScope.COMPREHENSIVE,
      people: 77,
    },
    "Ninh Kiều": {
      id: addDirective({
        number: "KH/QU (không rõ số)",
        type: DirectiveType.KE_HOACH,
        issuer: byName("Ninh Kiều").unit,
        issuerName: "Quận ủy Ninh Kiều",
        issuedYear: null,
        title:
          "Kế hoạch phân công Quận ủy viên và trưởng, phó các ban, ngành, đoàn thể quận chỉ đạo toàn diện chi bộ khu vực",
      }),
      scope: AssignmentScope.COMPREHENSIVE,
      people: 71,
    },
  };

  // ---- Assignments ---------------------------------------------------------------------------------------
  interface AssignmentInfo {
    id: number;
    memberId: number;
    unit: Unit;
    minVisits: number | null;
    startsOn: string;
    endsOn: string | null;
    confirmer: Unit;
    urban: boolean;
  }
  const assignmentList: AssignmentInfo[] = [];
  const unitById = new Map(unitList.map((u) => [u.id, u]));
  const assign = (
    memberId: number,
    unit: Unit,
    directiveId: number,
    termId: number | null,
    scope: AssignmentScope,
    startsOn: string,
    endsOn: string | null,
    minVisits: number | null,
  ) => {
    const id = ++ids.assignment;
    data.assignments.push({ id, memberId, unitId: unit.id, directiveId, termId, scope, startsOn, endsOn });
    const urban =
      unit.kind === UnitKind.WARD ||
      unit.kind === UnitKind.AREA_CELL ||
      unit.kind === UnitKind.URBAN_DISTRICT;
    assignmentList.push({
      id,
      memberId,
      unit,
      minVisits,
      startsOn,
      endsOn,
      confirmer: unitById.get(unit.parentId!)!,
      urban,
    });
    return id;
  };

  // City: standing board members direct the nine districts (2015–2020).
  districts.forEach((d, i) =>
    assign(
      cityStanding[i % cityStanding.length],
      d.unit,
      dirCityDistricts,
      TERM_NEW,
      AssignmentScope.COMPREHENSIVE,
      "2015-10-01",
      null,
      null,
    ),
  );
  // City: 36 Thành ủy members each support one of the 36 xã, 2010–2015, renewed 2015–2020 (a third by someone new).
  const xa = districts.flatMap((d) => d.communes.filter((c) => c.kind === UnitKind.COMMUNE));
  const cityPool = [...cityCommittee, ...cityStanding.slice(9)];
  xa.forEach((commune, i) => {
    const first = cityPool[i % cityPool.length];
    assign(
      first,
      commune,
      dirCityNtmOld,
      TERM_OLD,
      AssignmentScope.NTM_SUPPORT,
      "2011-01-01",
      "2015-09-30",
      null,
    );
    const renewed = i % 3 === 2 ? cityPool[(i + 17) % cityPool.length] : first;
    assign(renewed, commune, dirCityNtmNew, TERM_NEW, AssignmentScope.NTM_SUPPORT, "2015-10-01", null, null);
  });

  for (const d of districts) {
    const suffix = d.rural ? "HU" : "QU";
    // District standing members direct the commune-level units (generated directive).
    const communeDirective = addDirective({
      number: `PC-BTV/${suffix} ${d.unit.name} (minh họa)`,
      type: DirectiveType.QUYET_DINH,
      issuer: d.unit,
      issuerName: `Ban Thường vụ ${d.rural ? "Huyện" : "Quận"} ủy ${d.unit.name}`,
      issuedYear: 2015,
      title: "Phân công Ủy viên Ban Thường vụ chỉ đạo toàn diện xã, phường, thị trấn (dữ liệu minh họa)",
      minVisitsPerMonth: 2,
      generated: true,
    });
    const standing: number[] = [];
    for (let i = 0; i < Math.min(13, Math.max(9, Math.ceil(d.communes.length * 0.8))); i++) {
      standing.push(
        addMember(d.unit, [
          {
            unit: d.unit,
            role: PositionRole.STANDING_COMMITTEE_MEMBER,
            title: standingTitle(d.unit),
            termId: TERM_NEW,
            startsOn: "2015-10-01",
          },
          {
            unit: d.unit,
            role: PositionRole.COMMITTEE_MEMBER,
            title: committeeTitle(d.unit),
            termId: TERM_NEW,
            startsOn: "2015-10-01",
          },
        ]),
      );
    }
    d.communes.forEach((c, i) =>
      assign(
        standing[i % standing.length],
        c,
        communeDirective,
        TERM_NEW,
        AssignmentScope.COMPREHENSIVE,
        "2015-10-01",
        null,
        2,
      ),
    );

    // Cells: the article's assignments where it gives them; elsewhere most cells, under a generated plan.
    const article = articleDirectives[d.unit.name];
    const directive =
      article?.id ??
      addDirective({
        number: `KH-PC/${suffix} ${d.unit.name} (minh họa)`,
        type: DirectiveType.KE_HOACH,
        issuer: d.unit,
        issuerName: `${d.rural ? "Huyện" : "Quận"} ủy ${d.unit.name}`,
        issuedYear: 2015,
        title:
          "Phân công cấp ủy viên, trưởng, phó các ban, ngành, đoàn thể chỉ đạo toàn diện chi bộ (dữ liệu minh họa)",
        minVisitsPerMonth: 2,
        generated: true,
      });
    const minVisits = article ? (d.unit.name === "Bình Thủy" ? 2 : null) : 2;
    const scope = article?.scope ?? AssignmentScope.COMPREHENSIVE;
    const cells = article ? d.cells : d.cells.filter(() => random.chance(0.85));
    const peopleCount = article?.people ?? cells.length;
    const people: number[] = [];
    for (let i = 0; i < peopleCount; i++) {
      const committee = i % 3 === 0;
      people.push(
        addMember(
          d.unit,
          committee
            ? [
                {
                  unit: d.unit,
                  role: PositionRole.COMMITTEE_MEMBER,
                  title: committeeTitle(d.unit),
                  termId: TERM_NEW,
                  startsOn: "2015-10-01",
                },
                departmentPerson(d.unit, i, false),
              ]
            : [
                departmentPerson(d.unit, i, i % 3 === 2),
                {
                  unit: d.unit,
                  role: PositionRole.COMMITTEE_MEMBER,
                  title: `Đảng viên chi bộ ${DEPARTMENTS[i % DEPARTMENTS.length]}`,
                  termId: null,
                  startsOn: "2012-01-01",
                },
              ],
        ),
      );
    }
    // Thới Lai: 77 people for 108 cells, so 31 of them direct two cells.
    const standingArrangement = d.unit.name === "Bình Thủy"; // 02-NQ/QU has run since 2004; yearly pledges since 2013
    cells.forEach((cell, i) =>
      assign(
        people[i % people.length],
        cell,
        directive,
        standingArrangement ? null : TERM_NEW,
        scope,
        standingArrangement ? "2013-01-01" : "2015-10-01",
        null,
        minVisits,
      ),
    );
  }

  // ---- NTM statuses and recognitions ---------------------------------------------------------------------
  const recognitionYear = new Map<number, number>();
  let decision = 100;
  for (const d of districts.filter((x) => x.rural)) {
    const recognised = RECOGNISED[d.unit.name] ?? {};
    const pending = [...(CRITERIA_2016[d.unit.name] ?? [])];
    for (const commune of d.communes.filter((c) => c.kind === UnitKind.COMMUNE)) {
      const year = recognised[commune.name];
      const met2016 = year ? 19 : (pending.shift() ?? 15);
      if (year) {
        recognitionYear.set(commune.id, year);
        data.ntmRecognitions.push({
          id: data.ntmRecognitions.length + 1,
          unitId: commune.id,
          decisionNumber: `${decision++}/QĐ-UBND (minh họa)`,
          decidedOn: `${year}-${pad(random.int(3, year === 2016 ? 8 : 12))}-${pad(random.int(1, 28))}`,
          year,
        });
      }
      // Criteria in a fixed per-commune order, so that a commune's met set only grows from year to year.
      const order = random.shuffle(data.ntmCriteria.map((c) => c.id as number));
      for (const y of [2014, 2015, 2016]) {
        const met = year && year <= y ? 19 : Math.max(8, met2016 - (2016 - y) * random.int(1, 2));
        order.forEach((criterionId, rank) => {
          const isMet = rank < met;
          data.ntmStatuses.push({
            id: ++ids.status,
            unitId: commune.id,
            year: y,
            criterionId,
            met: isMet,
            metOn: isMet ? `${y}-${pad(random.int(1, 11))}-${pad(random.int(1, 28))}` : null,
            evidence: isMet ? `Biên bản thẩm định tiêu chí năm ${y} (minh họa)` : null,
          });
        });
      }
    }
  }
  const mk = byName(RECOGNISED_DISTRICT.name);
  data.ntmRecognitions.push({
    id: data.ntmRecognitions.length + 1,
    unitId: mk.unit.id,
    decisionNumber: RECOGNISED_DISTRICT.decisionNumber,
    decidedOn: RECOGNISED_DISTRICT.decidedOn,
    year: 2016,
  });

  // ---- Pledges -------------------------------------------------------------------------------------------
  const TODAY = DEMO_TODAY;
  const statusWeights: Record<number, Record<PledgeStatus, number>> = {
    2015: { CONFIRMED: 72, REJECTED: 6, REPORTED: 6, REGISTERED: 8, WITHDRAWN: 8 },
    2016: { CONFIRMED: 30, REJECTED: 6, REPORTED: 22, REGISTERED: 36, WITHDRAWN: 6 },
  };
  const stats = new Map<
    string,
    { pledges: number; confirmed: number; rejected: number; monthsAssessed: number; monthsCompliant: number }
  >();
  const statOf = (memberId: number, year: number) => {
    const key = `${memberId}:${year}`;
    let s = stats.get(key);
    if (!s)
      stats.set(key, (s = { pledges: 0, confirmed: 0, rejected: 0, monthsAssessed: 0, monthsCompliant: 0 }));
    return s;
  };
  const addPledge = (
    a: AssignmentInfo,
    year: number,
    p: {
      title: string;
      category: PledgeCategory;
      criterion: number | null;
      quantity: number | null;
      unit: string | null;
    },
    status: PledgeStatus,
  ) => {
    const id = ++ids.pledge;
    const reported =
      status === PledgeStatus.REPORTED ||
      status === PledgeStatus.CONFIRMED ||
      status === PledgeStatus.REJECTED;
    const decided = status === PledgeStatus.CONFIRMED || status === PledgeStatus.REJECTED;
    const lastMonth = year === 2016 ? 8 : 12;
    const reportMonth = random.int(Math.min(6, lastMonth), lastMonth);
    const reportedAt = reported
      ? new Date(Date.UTC(year, reportMonth - 1, random.int(1, 25), random.int(1, 10)))
      : null;
    const decidedAt =
      decided && reportedAt
        ? new Date(
            Math.min(reportedAt.getTime() + random.int(2, 20) * 86_400_000, Date.parse(`${TODAY}T00:00:00Z`)),
          )
        : null;
    const achieved =
      reported && p.quantity != null
        ? status === PledgeStatus.REJECTED
          ? Math.max(0, p.quantity - random.int(1, Math.max(1, Math.ceil(p.quantity / 2))))
          : p.quantity
        : null;
    data.pledges.push({
      id,
      assignmentId: a.id,
      unitId: a.unit.id,
      memberId: a.memberId,
      year,
      title: p.title,
      category: p.category,
      ntmCriterionId: p.criterion,
      targetQuantity: p.quantity,
      targetUnit: p.unit,
      dueOn: `${year}-12-31`,
      status,
      achievedQuantity: achieved,
      reportNote: reported ? `Đã hoàn thành: ${p.title.charAt(0).toLowerCase()}${p.title.slice(1)}` : null,
      evidenceNote: reported ? "Biên bản nghiệm thu, hình ảnh công trình (minh họa)" : null,
      evidenceLinks: [],
      reportedAt,
      decidedAt,
      decidedByUnitId: decided ? a.confirmer.id : null,
      rejectionReason:
        status === PledgeStatus.REJECTED
          ? "Khối lượng thực hiện chưa đạt chỉ tiêu đăng ký; đề nghị bổ sung và báo cáo lại."
          : null,
      version: 1 + (reported ? 1 : 0) + (decided ? 1 : 0) + (status === PledgeStatus.WITHDRAWN ? 1 : 0),
      createdAt: new Date(Date.UTC(year, 0, random.int(5, 28), 8)),
      updatedAt: decidedAt ?? reportedAt ?? new Date(Date.UTC(year, 1, 1, 8)),
    });
    if (status !== PledgeStatus.WITHDRAWN) {
      const s = statOf(a.memberId, year);
      s.pledges += 1;
      if (status === PledgeStatus.CONFIRMED) s.confirmed += 1;
      if (status === PledgeStatus.REJECTED) s.rejected += 1;
    }
  };
  const mkCommune = mk.communes.find((c) => c.name === "Mỹ Khánh")!;
  const trungAn = byName("Cờ Đỏ").communes.find((c) => c.name === "Trung An")!;
  const demoAssignment = assignmentList.find((a) => a.unit.parentId === trungAn.id)!;
  for (const a of assignmentList) {
    if (a.unit.id === mkCommune.id && a.endsOn) {
      for (const w of MY_KHANH_WORKS)
        addPledge(
          a,
          w.year,
          {
            title: w.title,
            category: w.category,
            criterion: w.criterion,
            quantity: w.quantity,
            unit: w.unit,
          },
          PledgeStatus.CONFIRMED,
        );
    }
    for (const year of [2015, 2016]) {
      if (a.startsOn > `${year}-12-31` || (a.endsOn != null && a.endsOn < `${year}-01-01`)) continue;
      if (a.endsOn != null && a.endsOn < `${year}-12-31`) continue; // the outgoing term's last months: no new pledges
      const templates = a.urban ? URBAN_TEMPLATES : RURAL_TEMPLATES;
      const count = random.int(1, a.unit.depth <= 2 ? 3 : 2);
      // The demo member always has one pledge waiting for confirmation and one still open in 2016.
      const forced =
        a === demoAssignment && year === 2016
          ? [PledgeStatus.REPORTED, PledgeStatus.REGISTERED, PledgeStatus.REGISTERED]
          : null;
      random
        .shuffle(templates)
        .slice(0, forced ? 3 : count)
        .forEach((t, i) => {
          const quantity = t.min != null ? random.int(t.min, t.max!) : null;
          addPledge(
            a,
            year,
            {
              title: t.title.replace("{n}", String(quantity)),
              category: t.category,
              criterion: a.urban ? null : (t.criterion ?? null),
              quantity,
              unit: t.unit ?? null,
            },
            forced ? forced[i] : random.weighted(statusWeights[year]),
          );
        });
    }
  }

  // ---- Visits --------------------------------------------------------------------------------------------
  const kinds = [
    VisitKind.CELL_MEETING,
    VisitKind.CELL_MEETING,
    VisitKind.MOVEMENT,
    VisitKind.WORKING_SESSION,
  ];
  for (const a of assignmentList) {
    if (a.unit.depth < 2) continue; // districts are visited through working delegations
    for (const year of [2015, 2016]) {
      for (let month = 1; month <= 12; month++) {
        const first = `${year}-${pad(month)}-01`;
        const last = `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
        if (first > TODAY || a.startsOn > first || (a.endsOn != null && a.endsOn < last)) continue;
        const n = random.weighted({ 0: 4, 1: 10, 2: 46, 3: 30, 4: 10 });
        const days = random
          .shuffle(Array.from({ length: lastDay(year, month) }, (_, i) => i + 1))
          .slice(0, Number(n))
          .sort((x, y) => x - y);
        for (const day of days) {
          const visitedOn = `${year}-${pad(month)}-${pad(day)}`;
          if (visitedOn > TODAY) continue;
          const kind =
            a.unit.depth === 3
              ? random.pick(kinds)
              : random.pick([VisitKind.WORKING_SESSION, VisitKind.MOVEMENT]);
          data.visits.push({
            id: ++ids.visit,
            assignmentId: a.id,
            unitId: a.unit.id,
            memberId: a.memberId,
            visitedOn,
            kind,
            note: kind === VisitKind.CELL_MEETING ? "Dự sinh hoạt chi bộ định kỳ" : null,
            createdAt: new Date(`${visitedOn}T12:00:00Z`),
          });
        }
        if (a.minVisits != null) {
          const s = statOf(a.memberId, year);
          s.monthsAssessed += 1;
          if (days.length >= a.minVisits) s.monthsCompliant += 1;
        }
      }
    }
  }

  // ---- Evaluations ---------------------------------------------------------------------------------------
  const directing = new Set(assignmentList.map((a) => a.memberId));
  const memberHome = new Map(data.members.map((m) => [m.id, m.homeUnitId as number]));
  for (const memberId of [...directing].sort((x, y) => x - y)) {
    for (const year of [2015, 2016]) {
      const s = stats.get(`${memberId}:${year}`);
      if (!s) continue;
      const proposed = proposeGrade(s);
      // 2015 is closed: the committee set a final grade, mostly the proposal, sometimes one step down.
      const final =
        year === 2015
          ? random.chance(0.85)
            ? proposed
            : proposed === Grade.EXCELLENT
              ? Grade.GOOD
              : proposed
          : null;
      data.evaluations.push({
        id: ++ids.evaluation,
        memberId,
        year,
        proposedGrade: proposed,
        finalGrade: final,
        decidedByUnitId: final ? memberHome.get(memberId) : null,
        note: null,
      });
    }
  }
  for (const d of districts) {
    for (const cell of d.cells) {
      data.unitEvaluations.push({
        id: data.unitEvaluations.length + 1,
        unitId: cell.id,
        year: 2015,
        grade: random.weighted({
          CLEAN_STRONG_EXEMPLARY: 8,
          CLEAN_STRONG: 52,
          COMPLETED_WELL: 30,
          COMPLETED: 8,
          WEAK: 2,
        }) as UnitGrade,
      });
    }
  }

  // ---- Delegations and concerns --------------------------------------------------------------------------
  const tanThanh = byName("Thới Lai").communes.find((c) => c.name === "Tân Thạnh")!;
  const visitedUnits = [
    tanThanh,
    ...districts.map((d) => d.unit),
    byName("Cờ Đỏ").communes[3],
    byName("Vĩnh Thạnh").communes[4],
  ];
  const concernTexts = [
    [
      "Thiếu vốn đối ứng xây dựng đường giao thông nông thôn",
      "Đề nghị thành phố hỗ trợ vốn đối ứng cho các tuyến đường liên ấp.",
    ],
    ["Chậm giải phóng mặt bằng công trình trường học", "Kiến nghị hướng dẫn cơ chế bồi thường cho hộ dân."],
    ["Thiếu cán bộ chuyên trách xây dựng nông thôn mới cấp xã", "Đề nghị bổ sung biên chế."],
    ["Tiêu thụ nông sản khó khăn", "Đề nghị kết nối doanh nghiệp bao tiêu sản phẩm cho tổ hợp tác."],
    ["Xuống cấp kênh thủy lợi nội đồng", "Đề nghị bố trí kinh phí nạo vét."],
    ["Thủ tục cấp giấy chứng nhận quyền sử dụng đất chậm", "Đề nghị rút ngắn thời gian giải quyết."],
  ];
  visitedUnits.forEach((unit, i) => {
    const id = ++ids.delegation;
    const visitedOn = `2016-${pad(1 + (i % 8))}-${pad(random.int(5, 25))}`;
    const title =
      unit.id === tanThanh.id
        ? "Đoàn công tác của Thường trực Thành ủy làm việc với Đảng ủy xã Tân Thạnh"
        : `Đoàn công tác của Thường trực Thành ủy làm việc với ${unit.depth === 1 ? (unit.kind === UnitKind.RURAL_DISTRICT ? "Huyện ủy" : "Quận ủy") : "Đảng ủy"} ${unit.name}`;
    data.delegations.push({
      id,
      leadingUnitId: city.id,
      visitedUnitId: unit.id,
      visitedOn,
      title,
      note: "Ghi nhận khó khăn, vướng mắc của cơ sở và giao cơ quan chức năng giải quyết (minh họa).",
    });
    random
      .shuffle(cityStanding)
      .slice(0, 3)
      .forEach((memberId) => data.delegationMembers.push({ delegation_id: id, member_id: memberId }));
    for (let k = 0; k < random.int(1, 2); k++) {
      const [title, description] = random.pick(concernTexts);
      const status = random.weighted({ OPEN: 3, IN_PROGRESS: 3, RESOLVED: 4 }) as ConcernStatus;
      const raised = new Date(`${visitedOn}T09:00:00Z`);
      const startedAt =
        status !== ConcernStatus.OPEN ? new Date(raised.getTime() + random.int(2, 10) * 86_400_000) : null;
      const resolvedAt =
        status === ConcernStatus.RESOLVED && startedAt
          ? new Date(
              Math.min(
                startedAt.getTime() + random.int(5, 60) * 86_400_000,
                Date.parse(`${TODAY}T00:00:00Z`),
              ),
            )
          : null;
      data.concerns.push({
        id: ++ids.concern,
        raisedByUnitId: unit.id,
        delegationId: id,
        handlerUnitId: status === ConcernStatus.OPEN ? null : unit.depth === 1 ? unit.id : unit.parentId,
        title,
        description,
        status,
        answer: resolvedAt ? "Đã bố trí kinh phí và giao phòng chuyên môn triển khai (minh họa)." : null,
        raisedOn: visitedOn,
        startedAt,
        resolvedAt,
        createdAt: raised,
      });
    }
  });
  // ---- Demo users: one or more per role, in the units the README names --------------------------------------
  const codo = byName("Cờ Đỏ").unit;
  const thoiLai = byName("Thới Lai").unit;
  const binhThuy = byName("Bình Thủy").unit;
  const demoMember = data.members.find((m) => m.id === demoAssignment.memberId)!;
  data.users.push(
    {
      username: "admin",
      displayName: "Văn phòng Thành ủy",
      roles: ["ADMIN", "COMMITTEE"],
      unitId: city.id,
      memberId: null,
    },
    {
      username: "viewer.city",
      displayName: "Ban Tổ chức Thành ủy",
      roles: ["VIEWER"],
      unitId: city.id,
      memberId: null,
    },
    {
      username: "committee.codo",
      displayName: "Huyện ủy Cờ Đỏ",
      roles: ["COMMITTEE"],
      unitId: codo.id,
      memberId: null,
    },
    {
      username: "viewer.codo",
      displayName: "Ban Tổ chức Huyện ủy Cờ Đỏ",
      roles: ["VIEWER"],
      unitId: codo.id,
      memberId: null,
    },
    {
      username: "committee.trungan",
      displayName: "Đảng ủy xã Trung An",
      roles: ["COMMITTEE"],
      unitId: trungAn.id,
      memberId: null,
    },
    {
      username: "member.codo",
      displayName: String(demoMember.fullName),
      roles: ["MEMBER"],
      unitId: codo.id,
      memberId: demoMember.id,
    },
    {
      username: "committee.thoilai",
      displayName: "Huyện ủy Thới Lai",
      roles: ["COMMITTEE"],
      unitId: thoiLai.id,
      memberId: null,
    },
    {
      username: "viewer.thoilai",
      displayName: "Ban Tổ chức Huyện ủy Thới Lai",
      roles: ["VIEWER"],
      unitId: thoiLai.id,
      memberId: null,
    },
    {
      username: "committee.binhthuy",
      displayName: "Quận ủy Bình Thủy",
      roles: ["COMMITTEE"],
      unitId: binhThuy.id,
      memberId: null,
    },
  );
  return data;
}
