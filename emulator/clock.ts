/** The emulator's clock: real time shifted by an offset that tests and the admin API move. */
export class EmulatorClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('advance() needs a finite number of milliseconds');
    this.offsetMs += ms;
  }

  set(d: Date): void {
    const t = d.getTime();
    if (Number.isNaN(t)) throw new RangeError('set() needs a valid date');
    this.offsetMs = t - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
