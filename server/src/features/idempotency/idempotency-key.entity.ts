import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A mutation a user already made with an idempotency key: retries return its result instead of acting again. */
@Entity("idempotency_key")
@Index("idx_idempotency_user_key", ["userId", "key"], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  userId: number;

  @Column({ type: "varchar", length: 128 })
  key: string;

  @Column({ type: "varchar", length: 64 })
  operation: string;

  /** sha256 of the mutation's input: the same key with other input is refused. */
  @Column({ type: "varchar", length: 64 })
  requestHash: string;

  @Column({ type: "varchar", length: 48 })
  entityType: string;

  @Column({ type: "int" })
  entityId: number;

  @CreateDateColumn()
  createdAt: Date;
}
