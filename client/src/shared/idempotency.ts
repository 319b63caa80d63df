/**
 * Idempotency keys for changes (the API's `idempotencyKey`). One key per submission of a form's values: a
 * retry of the same values (the answer was lost, the user clicks again) sends the same key, so the server acts
 * once and returns the first result; changed values get a new key (the same key with other input would be
 * refused with IDEMPOTENCY_KEY_REUSED). After a success the next submission gets a new key.
 */
export class IdempotencyKeys {
  private last: { input: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = randomKey) {}

  /** The key to send with `input`. */
  keyFor(input: unknown): string {
    const text = JSON.stringify(input);
    if (this.last?.input !== text) this.last = { input: text, key: this.newKey() };
    return this.last.key;
  }

  /** The change went through: the next submission, even of equal values, is a new one. */
  done(): void {
    this.last = null;
  }
}

/** A random UUID; crypto.randomUUID exists only in secure contexts (https, localhost), so build one otherwise. */
export function randomKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
