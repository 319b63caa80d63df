import { Entity, PrimaryColumn } from "typeorm";

/**
 * One row (id = 1) that every mutation locks just before writing its event rows, so that event ids ascend in
 * commit order on MySQL/MariaDB (see writeEvents). Readers that tail the event table by id rely on it.
 */
@Entity("event_lock")
export class EventLock {
  @PrimaryColumn({ type: "int" })
  id: number;
}
