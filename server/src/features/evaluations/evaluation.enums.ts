import { registerEnumType } from "type-graphql";

export enum Grade {
  EXCELLENT = "EXCELLENT",
  GOOD = "GOOD",
  COMPLETED = "COMPLETED",
  NOT_COMPLETED = "NOT_COMPLETED",
}

export enum UnitGrade {
  CLEAN_STRONG_EXEMPLARY = "CLEAN_STRONG_EXEMPLARY",
  CLEAN_STRONG = "CLEAN_STRONG",
  COMPLETED_WELL = "COMPLETED_WELL",
  COMPLETED = "COMPLETED",
  WEAK = "WEAK",
}

registerEnumType(Grade, {
  name: "Grade",
  description: "Annual grade of a member (xếp loại đảng viên).",
  valuesConfig: {
    EXCELLENT: { description: "Hoàn thành xuất sắc nhiệm vụ." },
    GOOD: { description: "Hoàn thành tốt nhiệm vụ." },
    COMPLETED: { description: "Hoàn thành nhiệm vụ." },
    NOT_COMPLETED: { description: "Không hoàn thành nhiệm vụ." },
  },
});

registerEnumType(UnitGrade, {
  name: "UnitGrade",
  description: "Annual grade of a Party organisation (xếp loại tổ chức đảng), in the 2016 wording.",
  valuesConfig: {
    CLEAN_STRONG_EXEMPLARY: { description: "Trong sạch vững mạnh tiêu biểu." },
    CLEAN_STRONG: { description: "Trong sạch vững mạnh." },
    COMPLETED_WELL: { description: "Hoàn thành tốt nhiệm vụ." },
    COMPLETED: { description: "Hoàn thành nhiệm vụ." },
    WEAK: { description: "Yếu kém." },
  },
});
