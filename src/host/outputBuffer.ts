// Batches a program's stdout/stderr so that printing 100k lines costs a few writes, not 100k.
// Order across the two streams is kept: switching stream flushes what came before.
//
// The engine runs synchronously, so no timer can flush while it works: every decision is made
// when the program writes. Line-buffered mode (a terminal, the editor's output channel) sends each
// finished line at once while lines come slowly, which is what a person watching wants, and falls
// back to batches of `maxDelayMs` when a program prints faster than `linesPerSecond`.

export type StreamName = 'stdout' | 'stderr';

export interface OutputBufferOptions {
  /** Flush once this many characters are waiting. */
  maxChars?: number;
  /** Flush on a write once the oldest waiting text is this old. */
  maxDelayMs?: number;
  /** Flush at the end of each line, within the rate below (as Python does on a terminal). */
  lineBuffered?: boolean;
  /** Lines flushed one by one per second, with bursts of up to `burstLines`, before batching. */
  linesPerSecond?: number;
  burstLines?: number;
}

export class OutputBuffer {
  private stream: StreamName = 'stdout';
  private parts: string[] = [];
  private chars = 0;
  private pendingSince = 0;
  private readonly maxChars: number;
  private readonly maxDelayMs: number;
  private readonly lineBuffered: boolean;
  private readonly linesPerMs: number;
  private readonly burstLines: number;
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    private readonly sink: (stream: StreamName, text: string) => void,
    options: OutputBufferOptions = {},
  ) {
    this.maxChars = options.maxChars ?? 64 * 1024;
    this.maxDelayMs = options.maxDelayMs ?? 50;
    this.lineBuffered = options.lineBuffered ?? false;
    this.linesPerMs = (options.linesPerSecond ?? 100) / 1000;
    this.burstLines = options.burstLines ?? 50;
    this.tokens = this.burstLines;
  }

  write(stream: StreamName, text: string): void {
    if (text.length === 0) return;
    if (stream !== this.stream) {
      this.flush();
      this.stream = stream;
    }
    const now = Date.now();
    if (this.chars === 0) this.pendingSince = now;
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= this.maxChars || now - this.pendingSince >= this.maxDelayMs) {
      this.flush();
    } else if (this.lineBuffered && text.includes('\n')) {
      this.tokens = Math.min(this.burstLines, this.tokens + (now - this.refilledAt) * this.linesPerMs);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.flush();
      }
    }
  }

  flush(): void {
    if (this.chars === 0) return;
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.chars = 0;
    this.sink(this.stream, text);
  }
}
