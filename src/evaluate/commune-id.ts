/** Reading a raw input's id without trusting the input (internal to evaluate/). */

/** The `communeId` of a raw input, when it is a string (`undefined` otherwise, or when reading it throws). */
export function communeIdOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  // A getter that throws makes this input an error entry (normalisation reports it), not the batch.
  try {
    const id = (raw as { communeId?: unknown }).communeId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
