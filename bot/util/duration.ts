const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Parses an ISO 8601 duration limited to days, hours, minutes and seconds ("PT8H", "P1DT2H", "PT90S").
 * @returns milliseconds, or `undefined` when the text is not such a duration.
 */
export function parseDuration(text: string): number | undefined {
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase() === 'PT') return undefined;
  const [, d, h, min, s] = m;
  if (d === undefined && h === undefined && min === undefined && s === undefined) return undefined;
  const n = (v: string | undefined): number => (v === undefined ? 0 : Number(v));
  return Math.round(((n(d) * 24 + n(h)) * 60 * 60 + n(min) * 60 + n(s)) * 1000);
}

/** Formats milliseconds back to a compact ISO 8601 duration, for logs and messages. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : days ? '' : 'T0S'}`;
}
