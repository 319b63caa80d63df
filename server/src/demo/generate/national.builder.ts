import units from "../data/can-tho-2016-units.json";
import { Random } from "../random";
import { areaNames, hamletNames } from "../names";
import { AssignmentScope } from "../../features/assignments/assignment.entity";
import { DirectiveType } from "../../features/directives/directive.entity";
import { PositionRole } from "../../features/members/member.enums";
import { LEVEL_OF_KIND, UnitKind } from "../../features/org-units/org-unit.enums";
import type { BulkWriter } from "./bulk-writer";
import { personName, PlaceNames } from "./generated-names";
import { addPledges, addVisits } from "./national.activity";
import { NationalContext, type GenUnit, type NationalScale } from "./national.context";
import { addConcerns, addNtm } from "./national.extras";
import type { GeneratedUser } from "./users";

const TERM_OLD = 1;
const TERM_NEW = 2;
const OLD = { startsOn: "2011-01-01", endsOn: "2015-09-30", termId: TERM_OLD, year: 2015 as const };
const NEW = { startsOn: "2015-10-01", endsOn: null, termId: TERM_NEW, year: 2016 as const };
type Period = typeof OLD | typeof NEW;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Splits `total` into `parts` positive shares around the mean (±40%), summing exactly to `total`. */
export function allocate(total: number, parts: number, random: Random): number[] {
  if (parts <= 0) return [];
  if (total < parts) throw new Error(`Cannot split ${total} into ${parts} non-empty parts.`);
  const weights = Array.from({ length: parts }, () => 0.6 + random.next() * 0.8);
  const sum = weights.reduce((s, w) => s + w, 0);
  const spare = total - parts;
  const shares = weights.map((w) => 1 + Math.floor((spare * w) / sum));
  let left = total - shares.reduce((s, n) => s + n, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) shares[i]++;
  return shares;
}

export interface NationalResult {
  root: GenUnit;
  context: NationalContext;
  users: GeneratedUser[];
}

interface PositionSpec {
  unit: GenUnit;
  role: PositionRole;
  title: string;
  termId: number | null;
  startsOn: string;
}

/**
 * A whole country, generated: a national root, provinces (kind CITY, like Cần Thơ), districts, communes and
 * cells, with the people who direct them over two terms (2010–2015, ended 2015-09-30; 2015–2020, current),
 * their pledges for 2015 and 2016, visits, NTM criterion statuses of every xã, a few delegations and concerns.
 * Rows stream to the writer province by province; pledges are kept compactly for the event log.
 */
export async function buildNational(
  writer: BulkWriter,
  scale: NationalScale,
  seed: number,
  onProgress?: (provincesDone: number) => void,
): Promise<NationalResult> {
  const random = new Random(seed);
  const ctx = new NationalContext(random, writer, scale);
  const places = new PlaceNames(random);
  const users: GeneratedUser[] = [];

  writer.add("terms", {
    id: TERM_OLD,
    code: "2010-2015",
    name: "Nhiệm kỳ 2010–2015",
    startYear: 2010,
    endYear: 2015,
    startsOn: "2010-10-01",
    endsOn: "2015-09-30",
  });
  writer.add("terms", {
    id: TERM_NEW,
    code: "2015-2020",
    name: "Nhiệm kỳ 2015–2020",
    startYear: 2015,
    endYear: 2020,
    startsOn: "2015-10-01",
    endsOn: "2020-09-30",
  });
  const groups = Object.entries(units.ntmCriteriaGroups) as [string, number[]][];
  for (const [number, name, nameEn] of units.ntmCriteria2016 as [number, string, string][]) {
    const groupName = groups.find(([, list]) => list.includes(number))![0];
    writer.add("ntmCriteria", { id: number, number, name, nameEn, groupName });
  }

  const addUnit = (parent: GenUnit | null, code: string, name: string, kind: UnitKind, validFrom: string) => {
    const id = ++ctx.ids.unit;
    const unit: GenUnit = {
      id,
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
    };
    ctx.paths[id] = unit.path;
    const keys = ctx.textKeys(name);
    writer.add("orgUnits", {
      id,
      code,
      name,
      searchName: keys.search,
      sortKey: keys.sort,
      kind,
      level: LEVEL_OF_KIND[kind],
      parentId: unit.parentId,
      path: unit.path,
      depth: unit.depth,
      gsoCode: null,
      validFrom,
      validTo: null,
      generated: parent != null,
    });
    return unit;
  };

  const addMember = (home: GenUnit, positions: PositionSpec[]) => {
    const person = personName(random);
    const id = ++ctx.ids.member;
    const keys = ctx.textKeys(person.fullName, `${person.givenName} ${person.fullName}`);
    writer.add("members", {
      id,
      code: `CB${pad(id, 7)}`,
      fullName: person.fullName,
      searchName: keys.search,
      sortKey: keys.sort,
      homeUnitId: home.id,
      phone: `09${random.int(10000000, 99999999)}`,
      birthDate: `${random.int(1958, 1985)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      generated: true,
    });
    for (const p of positions) {
      writer.add("positions", {
        id: ++ctx.ids.position,
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

  const addDirective = (
    issuer: GenUnit,
    issuerName: string,
    type: DirectiveType,
    title: string,
    period: Period,
  ) => {
    const id = ++ctx.ids.directive;
    writer.add("directives", {
      id,
      number: `${id}-${type === DirectiveType.KE_HOACH ? "KH" : "QĐ"}/${period === OLD ? "2011" : "2015"} (minh họa)`,
      type,
      issuerUnitId: issuer.id,
      issuerName,
      issuedYear: period === OLD ? 2011 : 2015,
      issuedOn: period === OLD ? "2011-01-01" : "2015-10-01",
      title: `${title}, nhiệm kỳ ${period === OLD ? "2010–2015" : "2015–2020"} (dữ liệu minh họa)`,
      minVisitsPerMonth: 2,
      generated: true,
    });
    return id;
  };

  /** An assignment for one term, with its pledges for that term's year and, when current, its visits. */
  const assign = (
    memberId: number,
    unit: GenUnit,
    directiveId: number,
    scope: AssignmentScope,
    period: Period,
  ) => {
    const id = ++ctx.ids.assignment;
    writer.add("assignments", {
      id,
      memberId,
      unitId: unit.id,
      directiveId,
      termId: period.termId,
      scope,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
    });
    const active = { id, memberId, unit, year: period.year };
    addPledges(ctx, active);
    if (period === NEW && unit.depth >= 3) addVisits(ctx, active);
  };

  const committeeName = (unit: GenUnit) =>
    unit.depth === 0
      ? "Ban Chấp hành Trung ương"
      : unit.depth === 1
        ? `Tỉnh ủy ${unit.name}`
        : unit.depth === 2
          ? `${unit.kind === UnitKind.URBAN_DISTRICT ? "Quận" : "Huyện"} ủy ${unit.name}`
          : `Đảng ủy ${unit.kind === UnitKind.WARD ? "phường" : unit.kind === UnitKind.TOWNSHIP ? "thị trấn" : "xã"} ${unit.name}`;
  const committeeTitle = (unit: GenUnit) =>
    unit.depth === 0
      ? "Ủy viên Ban Chấp hành Trung ương"
      : unit.depth === 1
        ? "Tỉnh ủy viên"
        : unit.depth === 2
          ? `${unit.kind === UnitKind.URBAN_DISTRICT ? "Quận" : "Huyện"} ủy viên`
          : "Đảng ủy viên";
  const standing = (unit: GenUnit, period: Period): PositionSpec => ({
    unit,
    role: PositionRole.STANDING_COMMITTEE_MEMBER,
    title: `Ủy viên Ban Thường vụ ${committeeName(unit)}`,
    termId: period.termId,
    startsOn: period === OLD ? "2010-10-01" : period.startsOn,
  });
  const committee = (unit: GenUnit, period: Period): PositionSpec => ({
    unit,
    role: PositionRole.COMMITTEE_MEMBER,
    title: committeeTitle(unit),
    termId: period.termId,
    startsOn: period === OLD ? "2010-10-01" : period.startsOn,
  });
  const department = (unit: GenUnit, i: number): PositionSpec => ({
    unit,
    role: i % 3 === 2 ? PositionRole.DEPARTMENT_DEPUTY : PositionRole.DEPARTMENT_HEAD,
    title: `${i % 3 === 2 ? "Phó" : "Trưởng"} ${DEPARTMENTS[i % DEPARTMENTS.length]} ${unit.kind === UnitKind.URBAN_DISTRICT ? "quận" : "huyện"}`,
    termId: TERM_NEW,
    startsOn: "2015-10-01",
  });

  // ---- The root and its committee --------------------------------------------------------------------
  const root = addUnit(null, "VN", "Việt Nam", UnitKind.CITY, "1976-07-02");
  const central: number[] = [];
  for (let i = 0; i < 20; i++) central.push(addMember(root, [standing(root, NEW), committee(root, OLD)]));
  const rootDirectives = {
    old: addDirective(
      root,
      committeeName(root),
      DirectiveType.QUYET_DINH,
      "Phân công Ủy viên Trung ương theo dõi, chỉ đạo các tỉnh ủy, thành ủy",
      OLD,
    ),
    new: addDirective(
      root,
      committeeName(root),
      DirectiveType.QUYET_DINH,
      "Phân công Ủy viên Trung ương theo dõi, chỉ đạo các tỉnh ủy, thành ủy",
      NEW,
    ),
  };
  users.push(
    {
      username: "admin",
      displayName: "Văn phòng Trung ương (minh họa)",
      roles: ["ADMIN", "COMMITTEE"],
      unitId: root.id,
      memberId: null,
    },
    {
      username: "viewer.national",
      displayName: "Ban Tổ chức Trung ương (minh họa)",
      roles: ["VIEWER"],
      unitId: root.id,
      memberId: null,
    },
  );

  // ---- Counts -----------------------------------------------------------------------------------------
  const districtsPer = allocate(scale.districts, scale.provinces, random);
  const communesPer = allocate(scale.communes, scale.districts, random);
  const cellsPer = allocate(scale.cells, scale.communes, random);
  const provinceNames = places.unique(scale.provinces);
  let districtIndex = 0;
  let communeIndex = 0;

  for (let p = 0; p < scale.provinces; p++) {
    const province = addUnit(root, pad(p + 1), provinceNames[p], UnitKind.CITY, "2004-01-01");
    users.push({
      username: `committee.${province.code}`,
      displayName: `${committeeName(province)} (minh họa)`,
      roles: ["COMMITTEE"],
      unitId: province.id,
      memberId: null,
    });
    for (const period of [OLD, NEW])
      assign(
        central[(p + (period === NEW && p % 3 === 2 ? 7 : 0)) % central.length],
        province,
        period === OLD ? rootDirectives.old : rootDirectives.new,
        AssignmentScope.COMPREHENSIVE,
        period,
      );
    const provinceStanding: number[] = [];
    const provinceCommittee: number[] = [];
    for (let i = 0; i < 45; i++) {
      const id = addMember(
        province,
        i < 15
          ? [standing(province, NEW), committee(province, NEW)]
          : [committee(province, NEW), committee(province, OLD)],
      );
      (i < 15 ? provinceStanding : provinceCommittee).push(id);
    }
    const pName = committeeName(province);
    const pDirectives = {
      districts: {
        old: addDirective(
          province,
          pName,
          DirectiveType.QUYET_DINH,
          "Phân công Ủy viên Ban Thường vụ chỉ đạo toàn diện các huyện ủy, quận ủy",
          OLD,
        ),
        new: addDirective(
          province,
          pName,
          DirectiveType.QUYET_DINH,
          "Phân công Ủy viên Ban Thường vụ chỉ đạo toàn diện các huyện ủy, quận ủy",
          NEW,
        ),
      },
      ntm: {
        old: addDirective(
          province,
          pName,
          DirectiveType.QUYET_DINH,
          "Phân công Tỉnh ủy viên hỗ trợ các xã xây dựng nông thôn mới",
          OLD,
        ),
        new: addDirective(
          province,
          pName,
          DirectiveType.QUYET_DINH,
          "Phân công Tỉnh ủy viên hỗ trợ các xã xây dựng nông thôn mới",
          NEW,
        ),
      },
    };
    const ntmPool = [...provinceCommittee, ...provinceStanding.slice(9)];
    let xaIndex = 0;
    const districtNames = places.unique(districtsPer[p]);
    const provinceDistricts: GenUnit[] = [];

    for (let d = 0; d < districtsPer[p]; d++) {
      const urban = d === 0 || random.chance(0.15);
      const district = addUnit(
        province,
        pad(++districtIndex, 3),
        districtNames[d],
        urban ? UnitKind.URBAN_DISTRICT : UnitKind.RURAL_DISTRICT,
        "2004-01-01",
      );
      provinceDistricts.push(district);
      users.push({
        username: `committee.${district.code}`,
        displayName: `${committeeName(district)} (minh họa)`,
        roles: ["COMMITTEE"],
        unitId: district.id,
        memberId: null,
      });
      for (const period of [OLD, NEW])
        assign(
          provinceStanding[(d + (period === NEW && d % 3 === 2 ? 5 : 0)) % provinceStanding.length],
          district,
          period === OLD ? pDirectives.districts.old : pDirectives.districts.new,
          AssignmentScope.COMPREHENSIVE,
          period,
        );

      const communeCount = communesPer[districtIndex - 1];
      const communeNames = places.unique(communeCount);
      const dName = committeeName(district);
      const dStanding: number[] = [];
      for (let i = 0; i < Math.min(13, Math.max(9, Math.ceil(communeCount * 0.8))); i++)
        dStanding.push(addMember(district, [standing(district, NEW), committee(district, NEW)]));
      const dDirectives = {
        communes: {
          old: addDirective(
            district,
            dName,
            DirectiveType.QUYET_DINH,
            "Phân công Ủy viên Ban Thường vụ chỉ đạo toàn diện xã, phường, thị trấn",
            OLD,
          ),
          new: addDirective(
            district,
            dName,
            DirectiveType.QUYET_DINH,
            "Phân công Ủy viên Ban Thường vụ chỉ đạo toàn diện xã, phường, thị trấn",
            NEW,
          ),
        },
        cells: {
          old: addDirective(
            district,
            dName,
            DirectiveType.KE_HOACH,
            "Phân công cấp ủy viên, trưởng, phó các ban, ngành, đoàn thể chỉ đạo toàn diện chi bộ",
            OLD,
          ),
          new: addDirective(
            district,
            dName,
            DirectiveType.KE_HOACH,
            "Phân công cấp ủy viên, trưởng, phó các ban, ngành, đoàn thể chỉ đạo toàn diện chi bộ",
            NEW,
          ),
        },
      };
      const communes: { unit: GenUnit; cells: GenUnit[] }[] = [];
      for (let c = 0; c < communeCount; c++) {
        const kind = urban ? UnitKind.WARD : c === 0 ? UnitKind.TOWNSHIP : UnitKind.COMMUNE;
        const commune = addUnit(
          district,
          `${district.code}.${pad(c + 1)}`,
          communeNames[c],
          kind,
          "2004-01-01",
        );
        const cellCount = cellsPer[communeIndex++];
        const cellKind = kind === UnitKind.WARD ? UnitKind.AREA_CELL : UnitKind.HAMLET_CELL;
        const names = cellKind === UnitKind.AREA_CELL ? areaNames(cellCount) : hamletNames(random, cellCount);
        const cells = names.map((name, j) =>
          addUnit(commune, `${commune.code}.${pad(j + 1)}`, name, cellKind, "2010-01-01"),
        );
        communes.push({ unit: commune, cells });
      }

      // District standing members direct the communes; province committee members support each xã for NTM.
      communes.forEach(({ unit }, c) => {
        for (const period of [OLD, NEW])
          assign(
            dStanding[(c + (period === NEW && c % 3 === 2 ? 4 : 0)) % dStanding.length],
            unit,
            period === OLD ? dDirectives.communes.old : dDirectives.communes.new,
            AssignmentScope.COMPREHENSIVE,
            period,
          );
        if (unit.kind === UnitKind.COMMUNE) {
          const i = xaIndex++;
          for (const period of [OLD, NEW])
            assign(
              ntmPool[(i + (period === NEW && i % 3 === 2 ? 17 : 0)) % ntmPool.length],
              unit,
              period === OLD ? pDirectives.ntm.old : pDirectives.ntm.new,
              AssignmentScope.NTM_SUPPORT,
              period,
            );
        }
      });

      // District people (committee members, heads and deputies of departments) direct most cells, one or two
      // each, in both terms; a third of the cells changed hands in 2015.
      const allCells = communes.flatMap((c) => c.cells);
      const directed = allCells.filter(() => random.chance(0.85));
      const people: number[] = [];
      for (let i = 0; i < Math.max(1, Math.ceil(directed.length * 0.8)); i++)
        people.push(
          addMember(
            district,
            i % 3 === 0 ? [committee(district, NEW), department(district, i)] : [department(district, i)],
          ),
        );
      directed.forEach((cell, i) => {
        assign(
          people[(i + 11) % people.length],
          cell,
          dDirectives.cells.old,
          AssignmentScope.COMPREHENSIVE,
          OLD,
        );
        assign(
          people[(i % 3 === 2 ? i : i + 11) % people.length],
          cell,
          dDirectives.cells.new,
          AssignmentScope.COMPREHENSIVE,
          NEW,
        );
      });

      // Each commune committee member is in charge of one cell (đảng ủy viên phụ trách chi bộ), this term.
      for (const { unit, cells } of communes) {
        if (cells.length === 0) continue;
        const directive = addDirective(
          unit,
          committeeName(unit),
          DirectiveType.QUYET_DINH,
          "Phân công đảng ủy viên phụ trách chi bộ",
          NEW,
        );
        for (const cell of cells) {
          const memberId = addMember(unit, [committee(unit, NEW)]);
          assign(memberId, cell, directive, AssignmentScope.COMPREHENSIVE, NEW);
        }
      }

      addNtm(
        ctx,
        district,
        communes.map((c) => c.unit),
      );
      await writer.checkpoint();
    }
    addConcerns(ctx, province, provinceDistricts, provinceStanding);
    await writer.checkpoint();
    onProgress?.(p + 1);
  }
  return { root, context: ctx, users };
}

const DEPARTMENTS = [
  "ban Tổ chức",
  "ban Tuyên giáo",
  "ban Dân vận",
  "ủy ban Kiểm tra",
  "văn phòng",
  "phòng Nội vụ",
  "phòng Tài chính - Kế hoạch",
  "phòng Kinh tế",
  "phòng Nông nghiệp và Phát triển nông thôn",
  "phòng Giáo dục và Đào tạo",
  "phòng Y tế",
  "phòng Văn hóa và Thông tin",
  "phòng Lao động - Thương binh và Xã hội",
  "phòng Tài nguyên và Môi trường",
  "hội Nông dân",
  "hội Liên hiệp Phụ nữ",
  "ủy ban Mặt trận Tổ quốc",
  "hội Cựu chiến binh",
];
