import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, booleanTransformer, dateTransformer } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";

export enum DirectiveType {
  NGHI_QUYET = "NGHI_QUYET",
  KE_HOACH = "KE_HOACH",
  QUYET_DINH = "QUYET_DINH",
  CHI_THI = "CHI_THI",
  KET_LUAN = "KET_LUAN",
  HUONG_DAN = "HUONG_DAN",
}

registerEnumType(DirectiveType, {
  name: "DirectiveType",
  description: "Type of Party document (loại văn bản).",
  valuesConfig: {
    NGHI_QUYET: { description: "Resolution (nghị quyết), numbered `NN-NQ/…`." },
    KE_HOACH: { description: "Plan (kế hoạch), numbered `NN-KH/…`." },
    QUYET_DINH: { description: "Decision (quyết định), numbered `NN-QĐ/…`." },
    CHI_THI: { description: "Directive (chỉ thị), numbered `NN-CT/…`." },
    KET_LUAN: { description: "Conclusion (kết luận), numbered `NN-KL/…`." },
    HUONG_DAN: { description: "Guidance (hướng dẫn), numbered `NN-HD/…`." },
  },
});

@ObjectType("Directive", {
  implements: Node,
  description: "A Party document (văn bản) under which members are assigned, e.g. Nghị quyết 02-NQ/QU.",
})
@Entity("directive")
@Index("idx_directive_issuer_date", ["issuerUnitId", "issuedOn"])
export class Directive extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field({ description: "Number as written on the document, e.g. `02-NQ/QU`, `45-NQ/TW`." })
  @Index("idx_directive_number")
  @Column({ type: "varchar", length: 48 })
  number: string;

  @Field(() => DirectiveType, { description: "Type of document." })
  @Index("idx_directive_type")
  @Column({ type: "varchar", length: 16 })
  type: DirectiveType;

  @Column({ type: "int", nullable: true })
  issuerUnitId: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "issuer_unit_id" })
  issuerUnit?: Relation<OrgUnit>;

  @Field({
    description:
      "Name of the issuing body as written, e.g. `Ban Thường vụ Quận ủy Bình Thủy`, `Bộ Chính trị`.",
  })
  @Column({ type: "varchar", length: 160 })
  issuerName: string;

  @Field(() => Int, { nullable: true, description: "Year of issue, when known (the exact date may not be)." })
  @Column({ type: "int", nullable: true })
  issuedYear: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of issue, when known." })
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  issuedOn: string | null;

  @Field({ description: "True when the number or the document itself is demo data, not from the sources." })
  @Column({ type: "boolean", default: false, transformer: booleanTransformer })
  generated: boolean;

  @Field({ description: "Title (trích yếu)." })
  @Column({ type: "varchar", length: 500 })
  title: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Minimum visits a month that the directive requires of each assigned member (2 for 02-NQ/QU); null when it sets none.",
  })
  @Column({ type: "int", nullable: true })
  minVisitsPerMonth: number | null;
}
