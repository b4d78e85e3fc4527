/** A one-line progress bar on a terminal, plain lines elsewhere (CI logs, pipes). */
export class Progress {
  private done = 0;
  /** Plain lines are printed at each quarter: 25%, 50%, 75%, then when done. */
  private nextQuarter = 25;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stdout,
  ) {}

  tick(by = 1): void {
    this.done += by;
    const percent = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    if (this.out.isTTY) {
      const width = 24;
      const filled = Math.round((percent / 100) * width);
      this.out.write(`\r${this.label.padEnd(28)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`);
      if (this.done >= this.total) this.out.write('\n');
    } else if (percent >= this.nextQuarter || this.done >= this.total) {
      this.nextQuarter = (Math.floor(percent / 25) + 1) * 25;
      this.out.write(`${this.label}: ${this.done}/${this.total} (${percent}%)\n`);
    }
  }
}
