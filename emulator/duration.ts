/** Thrown when a duration is not an ISO 8601 duration this parser understands. */
export class DurationError extends Error {
  override name = 'DurationError';
}

// Years and months have no fixed length, so only days and time parts are accepted.
const DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Parses an ISO 8601 duration of the form `PnDTnHnMnS` (each part optional, decimals allowed) into milliseconds.
 * @throws DurationError when the text is not such a duration.
 */
export function parseIsoDuration(text: string): number {
  const trimmed = text.trim();
  const m = DURATION.exec(trimmed);
  if (!m || trimmed === 'P' || /T$/i.test(trimmed)) {
    throw new DurationError(
      `"${text}" is not an ISO 8601 duration; use the form PnDTnHnMnS, for example PT8H, PT2M or P1DT30M.`,
    );
  }
  const [, d, h, min, s] = m;
  const ms =
    Number(d ?? 0) * 86_400_000 +
    Number(h ?? 0) * 3_600_000 +
    Number(min ?? 0) * 60_000 +
    Number(s ?? 0) * 1000;
  return Math.round(ms);
}

/** Formats milliseconds as an ISO 8601 duration (`PT8H`, `P1DT2H30M`, `PT0S`). */
export function formatIsoDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${seconds}S`;
  const out = `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return out === 'P' ? 'PT0S' : out;
}
