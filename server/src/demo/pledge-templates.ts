import { PledgeCategory } from "../features/pledges/pledge.enums";

/** Pledge titles of the demo data (the Cần Thơ seed and the generated datasets): `{n}` is the target quantity. */
export interface PledgeTemplate {
  title: string;
  category: PledgeCategory;
  criterion?: number;
  unit?: string;
  min?: number;
  max?: number;
}

export const RURAL_TEMPLATES: PledgeTemplate[] = [
  {
    title: "Vận động làm mới {n} km đường giao thông nông thôn",
    category: PledgeCategory.INFRASTRUCTURE,
    criterion: 2,
    unit: "km",
    min: 1,
    max: 6,
  },
  {
    title: "Vận động xây {n} cây cầu bê tông",
    category: PledgeCategory.INFRASTRUCTURE,
    criterion: 2,
    unit: "cầu",
    min: 1,
    max: 3,
  },
  {
    title: "Nạo vét {n} km kênh thủy lợi nội đồng",
    category: PledgeCategory.INFRASTRUCTURE,
    criterion: 3,
    unit: "km",
    min: 1,
    max: 5,
  },
  {
    title: "Hỗ trợ xây {n} căn nhà đại đoàn kết cho hộ nghèo",
    category: PledgeCategory.SOCIAL_WELFARE,
    criterion: 9,
    unit: "căn nhà",
    min: 1,
    max: 5,
  },
  {
    title: "Vận động học bổng cho {n} học sinh nghèo",
    category: PledgeCategory.EDUCATION,
    criterion: 14,
    unit: "học sinh",
    min: 5,
    max: 30,
  },
  {
    title: "Hỗ trợ {n} hộ thoát nghèo",
    category: PledgeCategory.ECONOMY,
    criterion: 11,
    unit: "hộ",
    min: 2,
    max: 10,
  },
  {
    title: "Thành lập {n} tổ hợp tác sản xuất",
    category: PledgeCategory.ECONOMY,
    criterion: 13,
    unit: "tổ hợp tác",
    min: 1,
    max: 2,
  },
  {
    title: "Lắp {n} km đèn chiếu sáng đường ấp",
    category: PledgeCategory.SECURITY,
    criterion: 19,
    unit: "km",
    min: 1,
    max: 3,
  },
  {
    title: "Vận động {n} hộ dân tham gia bảo hiểm y tế",
    category: PledgeCategory.HEALTH,
    criterion: 15,
    unit: "hộ",
    min: 20,
    max: 120,
  },
  {
    title: "Hướng dẫn chi bộ nâng cao chất lượng sinh hoạt, phấn đấu đạt trong sạch vững mạnh",
    category: PledgeCategory.PARTY_BUILDING,
    criterion: 18,
  },
  {
    title: "Kết nạp {n} đảng viên mới",
    category: PledgeCategory.PARTY_BUILDING,
    criterion: 18,
    unit: "đảng viên",
    min: 1,
    max: 3,
  },
  {
    title: "Vận động {n} hộ xây nhà tiêu hợp vệ sinh",
    category: PledgeCategory.ENVIRONMENT,
    criterion: 17,
    unit: "hộ",
    min: 5,
    max: 40,
  },
];

export const URBAN_TEMPLATES: PledgeTemplate[] = [
  {
    title: "Vận động chỉnh trang {n} tuyến hẻm",
    category: PledgeCategory.INFRASTRUCTURE,
    unit: "tuyến hẻm",
    min: 1,
    max: 4,
  },
  {
    title: "Hỗ trợ {n} hộ nghèo, cận nghèo vay vốn sản xuất",
    category: PledgeCategory.SOCIAL_WELFARE,
    unit: "hộ",
    min: 2,
    max: 8,
  },
  {
    title: "Xây dựng {n} tuyến đường văn minh đô thị",
    category: PledgeCategory.CULTURE,
    unit: "tuyến",
    min: 1,
    max: 2,
  },
  {
    title: "Hướng dẫn chi bộ nâng cao chất lượng sinh hoạt, phấn đấu đạt trong sạch vững mạnh",
    category: PledgeCategory.PARTY_BUILDING,
  },
  {
    title: "Kết nạp {n} đảng viên mới",
    category: PledgeCategory.PARTY_BUILDING,
    unit: "đảng viên",
    min: 1,
    max: 3,
  },
  {
    title: "Xây dựng mô hình camera an ninh ở {n} tổ dân phố",
    category: PledgeCategory.SECURITY,
    unit: "tổ",
    min: 1,
    max: 4,
  },
  {
    title: "Vận động {n} hộ phân loại rác tại nguồn",
    category: PledgeCategory.ENVIRONMENT,
    unit: "hộ",
    min: 20,
    max: 100,
  },
];
