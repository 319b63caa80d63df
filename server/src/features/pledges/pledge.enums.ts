import { registerEnumType } from "type-graphql";

export enum PledgeStatus {
  REGISTERED = "REGISTERED",
  REPORTED = "REPORTED",
  CONFIRMED = "CONFIRMED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}

export enum PledgeCategory {
  INFRASTRUCTURE = "INFRASTRUCTURE",
  EDUCATION = "EDUCATION",
  HEALTH = "HEALTH",
  CULTURE = "CULTURE",
  ECONOMY = "ECONOMY",
  SOCIAL_WELFARE = "SOCIAL_WELFARE",
  PARTY_BUILDING = "PARTY_BUILDING",
  SECURITY = "SECURITY",
  ENVIRONMENT = "ENVIRONMENT",
  OTHER = "OTHER",
}

registerEnumType(PledgeStatus, {
  name: "PledgeStatus",
  description:
    "Where a pledge is in its lifecycle: REGISTERED → REPORTED → CONFIRMED | REJECTED; WITHDRAWN before reporting.",
  valuesConfig: {
    REGISTERED: { description: "Registered by its member (đã đăng ký)." },
    REPORTED: {
      description: "Reported done by its member, waiting for the confirming committee (đã báo cáo).",
    },
    CONFIRMED: { description: "Confirmed done by the committee of the unit above (đã xác nhận)." },
    REJECTED: { description: "Not confirmed, with a reason; the member may report again (không xác nhận)." },
    WITHDRAWN: { description: "Withdrawn by its member before reporting (đã rút)." },
  },
});

registerEnumType(PledgeCategory, {
  name: "PledgeCategory",
  description: "Field of work a pledge belongs to (lĩnh vực).",
  valuesConfig: {
    INFRASTRUCTURE: { description: "Roads, bridges, irrigation, public buildings (hạ tầng)." },
    EDUCATION: { description: "Schools and learning (giáo dục)." },
    HEALTH: { description: "Health stations and care (y tế)." },
    CULTURE: { description: "Culture houses, movements (văn hóa)." },
    ECONOMY: { description: "Production, cooperatives, markets, income (kinh tế)." },
    SOCIAL_WELFARE: { description: "Housing for the poor, support for households (an sinh xã hội)." },
    PARTY_BUILDING: { description: "Party building, cell meetings, membership (xây dựng Đảng)." },
    SECURITY: { description: "Defence, security and order (quốc phòng, an ninh)." },
    ENVIRONMENT: { description: "Environment and food safety (môi trường)." },
    OTHER: { description: "Anything else (khác)." },
  },
});
