import { registerEnumType } from "type-graphql";

export enum PositionRole {
  STANDING_COMMITTEE_MEMBER = "STANDING_COMMITTEE_MEMBER",
  COMMITTEE_MEMBER = "COMMITTEE_MEMBER",
  SECRETARY = "SECRETARY",
  DEPUTY_SECRETARY = "DEPUTY_SECRETARY",
  DEPARTMENT_HEAD = "DEPARTMENT_HEAD",
  DEPARTMENT_DEPUTY = "DEPARTMENT_DEPUTY",
}

registerEnumType(PositionRole, {
  name: "PositionRole",
  description: "Role held in a unit (chức vụ).",
  valuesConfig: {
    STANDING_COMMITTEE_MEMBER: { description: "Member of the standing board (ủy viên Ban Thường vụ)." },
    COMMITTEE_MEMBER: { description: "Member of the Party committee (cấp ủy viên)." },
    SECRETARY: { description: "Secretary of the committee or cell (bí thư)." },
    DEPUTY_SECRETARY: { description: "Deputy secretary (phó bí thư)." },
    DEPARTMENT_HEAD: {
      description:
        "Head of a department, board, agency or mass organisation (trưởng phòng, ban, ngành, đoàn thể).",
    },
    DEPARTMENT_DEPUTY: {
      description:
        "Deputy head of a department, board, agency or mass organisation (phó phòng, ban, ngành, đoàn thể).",
    },
  },
});
