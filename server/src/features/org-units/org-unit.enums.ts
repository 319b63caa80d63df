import { registerEnumType } from "type-graphql";

/** The four levels of the hierarchy. */
export enum UnitLevel {
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  CELL = "CELL",
}

export enum UnitKind {
  CITY = "CITY",
  URBAN_DISTRICT = "URBAN_DISTRICT",
  RURAL_DISTRICT = "RURAL_DISTRICT",
  DIRECT_COMMITTEE = "DIRECT_COMMITTEE",
  WARD = "WARD",
  COMMUNE = "COMMUNE",
  TOWNSHIP = "TOWNSHIP",
  HAMLET_CELL = "HAMLET_CELL",
  AREA_CELL = "AREA_CELL",
}

export const LEVEL_OF_KIND: Record<UnitKind, UnitLevel> = {
  CITY: UnitLevel.CITY,
  URBAN_DISTRICT: UnitLevel.DISTRICT,
  RURAL_DISTRICT: UnitLevel.DISTRICT,
  DIRECT_COMMITTEE: UnitLevel.DISTRICT,
  WARD: UnitLevel.COMMUNE,
  COMMUNE: UnitLevel.COMMUNE,
  TOWNSHIP: UnitLevel.COMMUNE,
  HAMLET_CELL: UnitLevel.CELL,
  AREA_CELL: UnitLevel.CELL,
};

registerEnumType(UnitLevel, {
  name: "UnitLevel",
  description: "Level of a unit in the hierarchy (cấp).",
  valuesConfig: {
    CITY: { description: "City, province (thành phố, tỉnh)." },
    DISTRICT: { description: "District level (quận, huyện, đảng ủy trực thuộc)." },
    COMMUNE: { description: "Commune level (phường, xã, thị trấn)." },
    CELL: { description: "Party cell of a hamlet or area (chi bộ ấp, chi bộ khu vực)." },
  },
});

registerEnumType(UnitKind, {
  name: "UnitKind",
  description: "Kind of organisational unit (loại đơn vị).",
  valuesConfig: {
    CITY: { description: "City under central authority and its Party committee (Thành phố / Thành ủy)." },
    URBAN_DISTRICT: { description: "Urban district (quận)." },
    RURAL_DISTRICT: { description: "Rural district (huyện)." },
    DIRECT_COMMITTEE: {
      description: "Party committee directly under the city committee (đảng ủy trực thuộc).",
    },
    WARD: { description: "Urban ward (phường)." },
    COMMUNE: { description: "Rural commune (xã); the unit of New Rural Development." },
    TOWNSHIP: { description: "District township (thị trấn)." },
    HAMLET_CELL: { description: "Party cell of a hamlet (chi bộ ấp)." },
    AREA_CELL: { description: "Party cell of an urban area (chi bộ khu vực)." },
  },
});
